#!/bin/bash
# clonecall.sh KLP_CCP OBJCMP_TOOL: the target has the static scale only as
# scale.constprop.0 (its body removed): no symbol a livepatch could replace
# by the name. With --ipa-clones and the target's facts, klp-ccp patches the
# callers of the clone instead (added_by ipa-clones) and copies scale for
# them (inlined_everywhere, no klpp_scale): store, and, as load exists only
# as load.constprop.0 (the caller's symbol), load's callers get1 and get2.
# All compile as in the target. With the built-in defaults and policies/kernel.
set -u
KLP_CCP=$1 OBJCMP=$2
# absent.c: a function --ipa-clones would add for holding a patched one's
# code (worker, "maybe removed" in the dump) that the target has no body
# nor clone of is copied, not patched.
. "$(dirname "$0")/setup.sh" clonecall clonecall.c absent.c
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
	grep -q "only as clones (scale.constprop.0).*patching the callers 'load', 'store'" $out.err &&
		grep -q "only as clones (load.constprop.0).*patching the callers 'get1', 'get2'" $out.err ||
		fail "$out: no notes naming the clones and their callers: $(cat $out.err)"
	for f in get1 get2 store; do
		sed -n "/^- old_name: $f\$/,/^- /p" $out.yaml | grep -q '^  added_by: ipa-clones$' ||
			fail "$out.yaml: $f not added by ipa-clones"
	done
	[ "$(sed -n '/^inlined_everywhere:/,/^[a-z]/p' $out.yaml | grep '^- ' | sort | tr '\n' ' ')" = "- load - scale " ] ||
		fail "$out.yaml: scale and load not listed as not patched themselves"
	grep -q 'old_name: \(scale\|load\)$' $out.yaml && fail "$out.yaml: scale or load patched by name"
	$CC $CFLAGS -ffunction-sections -c $out -o $out.o 2>$out.cc ||
		{ fail "$out does not compile: $(cat $out.cc)"; continue; }
	nm $out.o | grep -q 'klpp_\(scale\|load\)' && fail "$out.o: defines klpp_scale or klpp_load"
	"$OBJCMP" clonecall.fs.o $out.o get1 get2 store >$out.cmp 2>&1
	for f in get1 get2 store; do
		grep -qx "$f: identical" $out.cmp || fail "$out: $(cat $out.cmp)"
	done
done
$CC -O2 -g -fdump-ipa-clones -c absent.c -o absent.o && $CC -O2 -ffunction-sections -c absent.c -o absent.fs.o ||
	exit 1
if nm absent.o | grep -q ' \(worker\|helper\)'; then
	echo "note: $CC kept worker or helper: absent.c not checked"
else
	"$KLP_CCP" -o lp-absent.c --report=absent.yaml --patched-functions=helper --target-object=absent.o \
		--ipa-clones=absent.c.000i.ipa-clones -- $CC $CFLAGS -c absent.c 2>absent.err ||
		fail "lp-absent.c: $(cat absent.err)"
	[ "$(grep '^- old_name: ' absent.yaml | sort | tr '\n' ' ')" = "- old_name: entry1 - old_name: entry2 " ] ||
		fail "absent.yaml: patched: $(grep '^- old_name: ' absent.yaml)"
	$CC $CFLAGS -ffunction-sections -c lp-absent.c -o lp-absent.o 2>absent.cc || fail "lp-absent.c: $(cat absent.cc)"
	"$OBJCMP" absent.fs.o lp-absent.o entry1 entry2 >absent.cmp 2>&1
	[ "$(grep -c ': identical$' absent.cmp)" = 2 ] || fail "lp-absent.c: $(cat absent.cmp)"
fi
# without the dumps: scale stays named (a warning says to patch the callers)
"$KLP_CCP" -o lp-nodump.c --report=nodump.yaml --patched-functions=scale --target-object=clonecall.o \
	-- $CC $CFLAGS -c clonecall.c 2>nodump.err || fail "lp-nodump.c: $(cat nodump.err)"
grep -q "exists only as clones (scale.constprop.0) called from load.constprop.0, store" nodump.err ||
	fail "nodump: no warning: $(cat nodump.err)"
[ $FAILED = 0 ] && echo "PASS" || exit 1
