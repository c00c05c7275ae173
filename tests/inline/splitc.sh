#!/bin/bash
# splitc.sh KLP_CCP OBJCMP_TOOL: GCC split update_clock in the target
# (partial inlining: activate, deactivate, tick and runtime inline its skip
# test and call update_clock.part.0), where it has four callers. In lp.c a
# patched update_clock has none (GCC does not split a function nobody
# calls) and a copy for a patched activate has one (GCC inlines the tail
# back into the head, which is then too big to inline into activate). lp.c
# ends with a never-called function calling it twice, so both are split and
# compiled as in the target. With the built-in defaults and policies/kernel.
set -u
KLP_CCP=$1 OBJCMP=$2
. "$(dirname "$0")/setup.sh" splitc splitc.c
CFLAGS="-O2 -Wall -Wmissing-prototypes -Werror"
$CC -O2 -g -c splitc.c -o splitc.o || exit 1
$CC -O2 -ffunction-sections -c splitc.c -o splitc.fs.o || exit 1
nm splitc.o | grep -q ' update_clock\.part\.0$' || { echo "SKIP: $CC did not split update_clock"; exit 77; }

for pol in default kernel; do
	hooks=()
	[ $pol = kernel ] && hooks=("${KERNEL_HOOKS[@]}")
	for p in activate update_clock; do
		out=lp-$pol-$p.c
		"$KLP_CCP" -o $out --patched-functions=$p --target-object=splitc.o \
			${hooks[@]+"${hooks[@]}"} -- $CC $CFLAGS -c splitc.c 2>$out.err ||
			{ fail "$out: extraction failed: $(cat $out.err)"; continue; }
		$CC $CFLAGS -ffunction-sections -c $out -o $out.o 2>$out.cc ||
			{ fail "$out does not compile: $(cat $out.cc)"; continue; }
		split=klpr_update_clock
		[ $p = update_clock ] && split=klpp_update_clock
		nm $out.o | grep -q " t $split\.part\.[0-9]*\$" || fail "$out.o: $split not split"
		grep -q "^static void __attribute__((__used__)) klp_ccp_callers_of_$split(" $out ||
			fail "$out: no callers of $split"
		"$OBJCMP" splitc.fs.o $out.o $p >$out.cmp 2>&1
		grep -qx "$p: identical" $out.cmp || fail "$out: $(cat $out.cmp)"
	done
done
# no callers for a function the target did not split
"$KLP_CCP" -o lp-tick.c --patched-functions=tick --target-object=splitc.o \
	-- $CC $CFLAGS -c splitc.c 2>lp-tick.err || fail "lp-tick.c: $(cat lp-tick.err)"
grep -q 'klp_ccp_callers_of_klpp_tick' lp-tick.c && fail "lp-tick.c: callers of tick"
[ $FAILED = 0 ] && echo "PASS" || exit 1
