#!/bin/bash
# addr.sh KLP_CCP: a function whose address the patched code takes is
# externalized when the target has it out of line, even where the target
# shows it inlined into the patched function (which would make the policy
# copy it for GCC to inline it again): a copy would be a different function
# and the comparison with the running one's address would fail. Its body
# comes as an extern inline gnu_inline definition only (addrbody.sh), which
# lp.o does not define. Built-in defaults and policies/kernel alike (addr.c).
set -u
KLP_CCP=$1
. "$(dirname "$0")/setup.sh" addr addr.c
CFLAGS="-O2 -Wall -Werror"
$CC $CFLAGS -g -c addr.c -o addr.o || exit 1
nm addr.o | grep -q ' t add1$' &&
	"$KLP_CCP" facts --target-object=addr.o add1 | grep -A1 '^inlined_into:' | grep -qw f ||
	{ echo "SKIP: $CC did not inline add1 into f"; exit 77; }
for pol in default kernel; do
	hooks=()
	[ $pol = kernel ] && hooks=(-F "$K/can-externalize-fun" -S "$K/shall-externalize-fun")
	"$KLP_CCP" -o lp-$pol.c --patched-functions=f --target-object=addr.o "${hooks[@]}" \
		-- $CC $CFLAGS -c addr.c 2>lp-$pol.err || { fail "$pol: $(cat lp-$pol.err)"; continue; }
	$CC $CFLAGS -c lp-$pol.c -o lp-$pol.o || { fail "lp-$pol.c does not compile"; continue; }
	nm -u lp-$pol.o | grep -qw add1 || fail "$pol: add1 not externalized"
	grep 'int add1(int x)$' lp-$pol.c | grep -qv '^extern inline __attribute__((__gnu_inline__)) ' &&
		fail "$pol: add1 copied"
	nm lp-$pol.o | grep -q ' [Tt] add1$' && fail "$pol: lp.o defines add1"
done
cmp -s lp-default.c lp-kernel.c || fail "defaults and policies/kernel differ: $(diff lp-default.c lp-kernel.c)"
[ $FAILED = 0 ] && echo "PASS" || exit 1
