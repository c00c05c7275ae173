#!/bin/bash
# keepglobal.sh KLP_CCP: a copy of a function with external linkage that the
# livepatch's functions never call in the target (keepglobal.c: hook,
# inlined everywhere) is declared used in lp.c all the same: GCC could
# never drop the original's body, so it never inlined it as called once nor
# weighed its inlining as saving the body. Without the attribute, hook is
# inlined into its only caller prep first, and prep, then too big, stays a
# call in alloc and compact; with it klp-ccp verify finds both identical.
# With the built-in defaults and with policies/kernel; lp.c compiles under
# -Werror.
set -u
KLP_CCP=$1
. "$(dirname "$0")/setup.sh" keepglobal keepglobal.c
CFLAGS="-O2 -Wall -Werror"
$CC $CFLAGS -g -c keepglobal.c -o t.o || exit 1
for f in alloc compact; do
	objdump -dr t.o | sed -n "/<$f>:/,/^\$/p" | grep -q 'R_X86_64_PLT32[[:space:]]*\(prep\|hook\)' &&
		{ echo "SKIP: $CC did not inline prep and hook into $f"; exit 77; }
done

for pol in default kernel; do
	hooks=()
	[ $pol = kernel ] && hooks=("${KERNEL_HOOKS[@]}")
	out=lp-$pol.c
	"$KLP_CCP" -o $out --patched-functions=alloc,compact --target-object=t.o \
		${hooks[@]+"${hooks[@]}"} -- $CC $CFLAGS -c keepglobal.c 2>$out.err ||
		{ fail "$out: extraction failed: $(cat $out.err)"; continue; }
	grep -q 'static __attribute__((__used__[,)].* int \(klpr_\)\?hook(' $out ||
		fail "$out: the copy of hook is not used"
	grep -q '__used__.* prep(' $out && fail "$out: prep (static in the original) used"
	$CC $CFLAGS -c $out -o $out.o || { fail "$out: does not compile"; continue; }
	"$KLP_CCP" verify --target-object=t.o --patched-functions=alloc,compact $out \
		-- $CC $CFLAGS -c keepglobal.c >$out.v 2>&1 || fail "$out: $(cat $out.v)"
done
[ $FAILED = 0 ] && echo "PASS" || exit 1
