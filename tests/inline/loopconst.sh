#!/bin/bash
# loopconst.sh KLP_CCP: GCC split the static loop_rw and inlined head and
# part into iter_read (type 0) and iter_write (type 1); only the clone dump
# shows it (loopconst.c). lp.c patches iter_read; its never-called caller
# of loop_rw stands for iter_write and passes its constant 1 as type:
# with an unknown type GCC kept loop_rw.part.N a call in iter_read, where
# the target inlined it; with it klp-ccp verify finds iter_read identical.
# Arguments the lacking calls pass as variables stay the caller's unknown
# parameters. With the built-in defaults and policies/kernel; lp.c compiles
# under -Werror.
set -u
KLP_CCP=$1
. "$(dirname "$0")/setup.sh" loopconst loopconst.c
CFLAGS="-O2 -Wall -Werror"
$CC $CFLAGS -g -fdump-ipa-clones -c loopconst.c -o loopconst.o || exit 1
d=loopconst.c.000i.ipa-clones
grep -q ';loop_rw\.part\.0;.*;part$' $d && ! nm loopconst.o | grep -q loop_rw ||
	{ echo "SKIP: $CC did not split loop_rw and inline both parts"; exit 77; }

for pol in default kernel; do
	hooks=()
	[ $pol = kernel ] && hooks=("${KERNEL_HOOKS[@]}")
	out=lp-$pol.c
	"$KLP_CCP" -o $out --patched-functions=iter_read --target-object=loopconst.o --ipa-clones=$d \
		${hooks[@]+"${hooks[@]}"} -- $CC $CFLAGS -c loopconst.c 2>$out.err ||
		{ fail "$out: extraction failed: $(cat $out.err)"; continue; }
	grep -q '= loop_rw(klp_ccp_a0, klp_ccp_a1, klp_ccp_a2, 1LL, klp_ccp_a4);' $out ||
		fail "$out: the never-called caller does not pass iter_write's type"
	$CC $CFLAGS -c $out -o $out.o || { fail "$out: does not compile"; continue; }
	"$KLP_CCP" verify --target-object=loopconst.o --patched-functions=iter_read $out \
		-- $CC $CFLAGS -c loopconst.c >$out.v 2>&1 || fail "$out: $(cat $out.v)"
done
[ $FAILED = 0 ] && echo "PASS" || exit 1
