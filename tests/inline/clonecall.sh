#!/bin/bash
# clonecall.sh KLP_CCP OBJCMP_TOOL: the target has the static scale only as
# scale.constprop.0 (its body removed): no symbol a livepatch could replace
# by the name. With --ipa-clones and the target's facts, klp-ccp patches the
# callers of the clone (load, store: added_by ipa-clones, contains scale)
# and copies scale for them (inlined_everywhere, no klpp_scale); both
# compile as in the target. With the built-in defaults and policies/kernel.
set -u
KLP_CCP=$1 OBJCMP=$2
. "$(dirname "$0")/setup.sh" clonecall clonecall.c
CFLAGS="-O2 -Wall -Wmissing-prototypes -Werror"
$CC -O2 -g -fdump-ipa-clones -c clonecall.c -o clonecall.o || exit 1
$CC -O2 -ffunction-sections -c clonecall.c -o clonecall.fs.o || exit 1
nm clonecall.o | grep -q ' scale\.constprop\.0$' && ! nm clonecall.o | grep -q ' scale$' ||
	{ echo "SKIP: $CC did not leave scale only as a clone"; exit 77; }

for pol in default kernel; do
	hooks=()
	[ $pol = kernel ] && hooks=("${KERNEL_HOOKS[@]}")
	out=lp-$pol.c
	"$KLP_CCP" -o $out --report=$out.yaml --patched-functions=scale --target-object=clonecall.o \
		--ipa-clones=clonecall.c.000i.ipa-clones ${hooks[@]+"${hooks[@]}"} \
		-- $CC $CFLAGS -c clonecall.c 2>$out.err ||
		{ fail "$out: extraction failed: $(cat $out.err)"; continue; }
	grep -q "only as clones (scale.constprop.0).*patching the callers 'load', 'store'" $out.err ||
		fail "$out: no note naming the clone and its callers: $(cat $out.err)"
	for f in load store; do
		sed -n "/^- old_name: $f\$/,/^- /p" $out.yaml | grep -q '^  added_by: ipa-clones$' ||
			fail "$out.yaml: $f not added by ipa-clones"
	done
	grep -A1 '^inlined_everywhere:' $out.yaml | grep -qx -- '- scale' ||
		fail "$out.yaml: scale not listed as not patched itself"
	grep -q 'old_name: scale$' $out.yaml && fail "$out.yaml: scale patched by name"
	$CC $CFLAGS -ffunction-sections -c $out -o $out.o 2>$out.cc ||
		{ fail "$out does not compile: $(cat $out.cc)"; continue; }
	nm $out.o | grep -q 'klpp_scale' && fail "$out.o: defines klpp_scale"
	"$OBJCMP" clonecall.fs.o $out.o load store >$out.cmp 2>&1
	for f in load store; do
		grep -qx "$f: identical" $out.cmp || fail "$out: $(cat $out.cmp)"
	done
done
# without the dumps: scale stays named (a warning says to patch the callers)
"$KLP_CCP" -o lp-nodump.c --report=nodump.yaml --patched-functions=scale --target-object=clonecall.o \
	-- $CC $CFLAGS -c clonecall.c 2>nodump.err || fail "lp-nodump.c: $(cat nodump.err)"
grep -q "exists only as clones (scale.constprop.0) called from load, store" nodump.err ||
	fail "nodump: no warning: $(cat nodump.err)"
[ $FAILED = 0 ] && echo "PASS" || exit 1
