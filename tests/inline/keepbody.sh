#!/bin/bash
# keepbody.sh KLP_CCP: a copy of a function whose body the original kept
# (keepbody.c: shift, global, inlined into walk at one call and called at
# the other) is declared used in lp.c, so that GCC's inliner weighs it as in
# the original: klp-ccp verify finds klpp_walk identical to the target's
# walk (without the attribute GCC inlines both calls into the static copy's
# only caller). So is tiny (inlined wherever it is called, global: its body
# stayed too; tests/inline/keepglobal.sh). Both copies are noclone: the
# target has no clone of them.
# With the built-in defaults and with policies/kernel; lp.c
# compiles under -Werror.
set -u
KLP_CCP=$1
. "$(dirname "$0")/setup.sh" keepbody keepbody.c
CFLAGS="-O2 -Wall -Werror"
$CC $CFLAGS -g -c keepbody.c -o t.o || exit 1
n=$(objdump -dr t.o | sed -n '/<walk>:/,/^$/p' | grep -c 'R_X86_64_PLT32[[:space:]]*shift')
[ "$n" = 1 ] || { echo "SKIP: $CC did not inline one call of shift into walk ($n calls)"; exit 77; }

# the fact the rule reads: walk's code calls shift, not tiny
"$KLP_CCP" facts --target-object=t.o walk >facts.yaml || fail "facts failed"
sed -n '/^callees:/,$p' facts.yaml | grep -q '^- shift$' || fail "facts: walk's callees lack shift"
sed -n '/^callees:/,$p' facts.yaml | grep -q '^- tiny$' && fail "facts: walk's callees name tiny"

for pol in default kernel; do
	hooks=()
	[ $pol = kernel ] && hooks=("${KERNEL_HOOKS[@]}")
	out=lp-$pol.c
	"$KLP_CCP" -o $out --patched-functions=walk --target-object=t.o \
		${hooks[@]+"${hooks[@]}"} -- $CC $CFLAGS -c keepbody.c 2>$out.err ||
		{ fail "$out: extraction failed: $(cat $out.err)"; continue; }
	grep -q '__attribute__((__used__, __noclone__)) .*shift(' $out || fail "$out: the copy of shift is not used"
	grep -q 'klpp_walk(.*__used__\|__used__.*klpp_walk' $out && fail "$out: klpp_walk (patched) used"
	# global, never cloned in the target: used, no clone in lp.c either
	grep -q 'static __attribute__((__used__, __noclone__)) int klpr_tiny(' $out ||
		fail "$out: tiny not used and noclone"
	$CC $CFLAGS -c $out -o $out.o || { fail "$out: does not compile"; continue; }
	nm $out.o | grep -q ' t .*shift$' || fail "$out: no body of the copy of shift"
	nm $out.o | grep -q ' t .*tiny$' || fail "$out: no body of the copy of tiny"
	"$KLP_CCP" verify --target-object=t.o --patched-functions=walk $out \
		-- $CC $CFLAGS -c keepbody.c >$out.v 2>&1 || fail "$out: $(cat $out.v)"
done
[ $FAILED = 0 ] && echo "PASS" || exit 1
