#!/bin/bash
# coldcaller.sh KLP_CCP: obj_put, declared inline, has callers lp.c lacks
# (other1..3); drop, which the target inlined into patched, calls it. lp.c
# (patching patched) ends with a cold never-called caller calling obj_put 4
# times, standing for the unit's other calls: without them GCC's inliner
# weighs obj_put by lp.c's single call and inlines it first (GCC orders
# inlining by the callee's growth over all its callers). Patching all of
# obj_put's callers gives none. With the built-in defaults and
# policies/kernel; lp.c compiles under -Werror, patched is identical.
set -u
KLP_CCP=$1
. "$(dirname "$0")/setup.sh" coldcaller coldcaller.c
CFLAGS="-O2 -Wall -Werror"
$CC $CFLAGS -g -c coldcaller.c -o t.o || exit 1
nm t.o | grep -qE ' (obj_put|drop)(\.|$)' && { echo "SKIP: $CC kept obj_put or drop out of line"; exit 77; }

for pol in default kernel; do
	hooks=()
	[ $pol = kernel ] && hooks=("${KERNEL_HOOKS[@]}")
	out=lp-$pol.c
	"$KLP_CCP" -o $out --patched-functions=patched --target-object=t.o \
		${hooks[@]+"${hooks[@]}"} -- $CC $CFLAGS -c coldcaller.c 2>$out.err ||
		{ fail "$out: extraction failed: $(cat $out.err)"; continue; }
	sed -n '/__cold__)) klp_ccp_callers_of_obj_put(/,/^}/p' $out >$out.cold
	[ "$(grep -o 'obj_put(klp_ccp_a0)' $out.cold | wc -l)" = 4 ] ||
		fail "$out: no cold never-called caller calling obj_put 4 times"
	$CC $CFLAGS -c $out -o $out.o || { fail "$out: does not compile"; continue; }
	"$KLP_CCP" verify --target-object=t.o --patched-functions=patched $out \
		-- $CC $CFLAGS -c coldcaller.c >$out.v 2>&1 || fail "$out: $(cat $out.v)"
done
"$KLP_CCP" -o lp-all.c --patched-functions=patched,use_drop,other1,other2,other3 \
	--target-object=t.o -- $CC $CFLAGS -c coldcaller.c 2>lp-all.err || fail "lp-all.c: $(cat lp-all.err)"
grep -q __cold__ lp-all.c && fail "lp-all.c: a cold caller though lp.c has all of obj_put's callers"
[ $FAILED = 0 ] && echo "PASS" || exit 1
