#!/bin/bash
# cold.sh KLP_CCP: a patched function the target has in .text.unlikely
# (cold.c: report, called by cold functions only) is declared cold in lp.c,
# which has no callers of it, so GCC compiles it as it did; with the
# built-in defaults and with policies/kernel; klp-ccp verify compares.
set -u
KLP_CCP=$1
. "$(dirname "$0")/setup.sh" cold cold.c
$CC -O2 -g -c cold.c -o t.o || exit 1
readelf -sW t.o | grep -E ' report$' | grep -q " $(readelf -SW t.o |
	sed -n 's/^ *\[ *\([0-9]*\)\] \.text\.unlikely .*/\1/p') report$" ||
	{ echo "SKIP: $CC did not put report in .text.unlikely"; exit 77; }
for pol in default kernel; do
	hooks=()
	[ $pol = kernel ] && hooks=("${KERNEL_HOOKS[@]}")
	out=lp-$pol.c
	"$KLP_CCP" -o $out --patched-functions=report --target-object=t.o \
		${hooks[@]+"${hooks[@]}"} -- $CC -O2 -Wall -c cold.c 2>$out.err ||
		{ fail "$out: extraction failed: $(cat $out.err)"; continue; }
	grep -q 'klpp_report(.*) __attribute__((__cold__));' $out || fail "$out: klpp_report not cold"
	"$KLP_CCP" verify --target-object=t.o --patched-functions=report $out \
		-- $CC -O2 -Wall -c cold.c >$out.v 2>&1 || fail "$out: $(cat $out.v)"
done
[ $FAILED = 0 ] && echo "PASS" || exit 1
