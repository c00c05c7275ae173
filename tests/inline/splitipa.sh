#!/bin/bash
# splitipa.sh KLP_CCP OBJCMP_TOOL: GCC split the static make_pair (partial
# inlining) and inlined its head into both callers, its own body gone. With
# --ipa-clones both callers are patched and make_pair is copied for them:
# lp.c has the original's callers, so the copy stays static under its name
# and gets no never-called callers (an external klpr_ copy called four
# times was not split: both callers differed). With the built-in defaults
# and policies/kernel.
set -u
KLP_CCP=$1 OBJCMP=$2
. "$(dirname "$0")/setup.sh" splitipa splitipa.c
CFLAGS="-O2 -Wall -Wmissing-prototypes -Werror"
$CC -O2 -g -fdump-ipa-clones -c splitipa.c -o splitipa.o || exit 1
$CC -O2 -ffunction-sections -c splitipa.c -o splitipa.fs.o || exit 1
nm splitipa.o | grep -q ' make_pair\.part\.0$' && ! nm splitipa.o | grep -q ' make_pair$' ||
	{ echo "SKIP: $CC did not split make_pair into its callers"; exit 77; }

for pol in default kernel; do
	hooks=()
	[ $pol = kernel ] && hooks=("${KERNEL_HOOKS[@]}")
	out=lp-$pol.c
	"$KLP_CCP" -o $out --report=$out.yaml --patched-functions=make_pair --target-object=splitipa.o \
		--ipa-clones=splitipa.c.000i.ipa-clones ${hooks[@]+"${hooks[@]}"} \
		-- $CC $CFLAGS -c splitipa.c 2>$out.err ||
		{ fail "$out: extraction failed: $(cat $out.err)"; continue; }
	$CC $CFLAGS -ffunction-sections -c $out -o $out.o 2>$out.cc ||
		{ fail "$out does not compile: $(cat $out.cc)"; continue; }
	grep -q '^static int make_pair(' $out || fail "$out: make_pair not a static copy"
	grep -q 'klp_ccp_callers_of' $out && fail "$out: never-called callers added"
	nm $out.o | grep -q ' make_pair\.part\.[0-9]*$' || fail "$out.o: make_pair not split"
	"$OBJCMP" splitipa.fs.o $out.o pair_flags pair2 >$out.cmp 2>&1
	for f in pair_flags pair2; do
		grep -qx "$f: identical" $out.cmp || fail "$out: $(cat $out.cmp)"
	done
done
[ $FAILED = 0 ] && echo "PASS" || exit 1
