#!/bin/bash
# patchaddr.sh KLP_CCP: the address of a patched function taken in patched
# code names the running original (patchaddr.c): with the target object,
# handler is externalized (plain: lp.o references 'handler', the report
# lists it with its object and sympos for glue's klp relocation; with
# policies/kernel's --pointer: klpe_handler), direct calls go to
# klpp_handler; inl, inlined everywhere, has no running symbol: its address
# stays klpp_inl, with a warning. Built-in defaults and policies/kernel
# give the same lp.c.
set -u
KLP_CCP=$1
. "$(dirname "$0")/setup.sh" patchaddr patchaddr.c
CFLAGS="-O2 -Wall -Werror"
$CC $CFLAGS -g -c patchaddr.c -o patchaddr.o || exit 1
nm patchaddr.o | grep -q ' t handler$' && ! nm patchaddr.o | grep -q ' inl' ||
	{ echo "SKIP: $CC kept inl or dropped handler"; exit 77; }
for pol in default kernel pointer; do
	hooks=()
	[ $pol = kernel ] && hooks=("${KERNEL_HOOKS[@]}")
	[ $pol = pointer ] && hooks=("${KERNEL_HOOKS[@]}" -E "$K/modify-externalized-sym --pointer")
	"$KLP_CCP" -o lp-$pol.c --report=r-$pol.yaml --patched-functions=f,handler,inl \
		--target-object=patchaddr.o "${hooks[@]}" -- $CC $CFLAGS -c patchaddr.c \
		2>lp-$pol.err || { fail "$pol: $(cat lp-$pol.err)"; continue; }
	$CC $CFLAGS -c lp-$pol.c -o lp-$pol.o || { fail "lp-$pol.c does not compile"; continue; }
	grep -q "patchaddr.c:24:[0-9]*: warning: the address of patched function 'inl' is taken here, but the running 'inl' cannot be referenced (the target has no symbol of it" lp-$pol.err ||
		fail "$pol: no warning about inl: $(cat lp-$pol.err)"
	grep -q 'mine = klpp_inl;' lp-$pol.c || fail "$pol: inl's address is not klpp_inl"
	grep -q 'klpp_handler(x) : op(x)) + (mine == klpp_inl) + klpp_inl(x)' lp-$pol.c ||
		fail "$pol: direct calls do not call the patched functions"
	grep -A7 '^externalized_symbols:' r-$pol.yaml | tr '\n' ' ' |
		grep -q -- "- name: handler .* object: patchaddr.o *sympos: 1" ||
		fail "$pol: report lacks handler with its sympos: $(cat r-$pol.yaml)"
	if [ $pol = pointer ]; then
		grep -q 'op == (\*klpe_handler)' lp-$pol.c || fail "$pol: not compared with (*klpe_handler)"
		grep -q 'method: pointer' r-$pol.yaml || fail "$pol: handler not a pointer in the report"
	else
		grep -q 'op == handler ?' lp-$pol.c || fail "$pol: not compared with the running handler"
		nm -u lp-$pol.o | grep -qw handler || fail "$pol: lp.o does not reference handler"
	fi
done
cmp -s lp-default.c lp-kernel.c || fail "defaults and policies/kernel differ: $(diff lp-default.c lp-kernel.c)"
[ $FAILED = 0 ] && echo "PASS" || exit 1
