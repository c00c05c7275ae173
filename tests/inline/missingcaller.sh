#!/bin/bash
# missingcaller.sh KLP_CCP: the static fin is inlined everywhere in the
# target, also into final7, which lp.c does not have (missingcaller.c). lp.c
# ends with a never-called function calling fin as final7 does (7, the
# other arguments unknown: loopconst.sh):
# without it fin's only calls pass 8, GCC specializes it (fin.constprop.N)
# and inlines that nowhere, where the target inlined fin into whole; with it
# klp-ccp verify finds whole identical. A static whose callers all are in
# lp.c (patching whole, final8 and final7) gets no such caller, nor does one
# whose calls in lp.c pass no constant (rel, patching drop1: nothing to
# specialize). With the built-in defaults and policies/kernel; lp.c
# compiles under -Werror.
set -u
KLP_CCP=$1
. "$(dirname "$0")/setup.sh" missingcaller missingcaller.c
CFLAGS="-O2 -Wall -Werror"
$CC $CFLAGS -g -c missingcaller.c -o t.o || exit 1
nm t.o | grep -qE ' fin(\.|$)' && { echo "SKIP: $CC kept fin out of line"; exit 77; }

for pol in default kernel; do
	hooks=()
	[ $pol = kernel ] && hooks=("${KERNEL_HOOKS[@]}")
	out=lp-$pol.c
	"$KLP_CCP" -o $out --patched-functions=whole --target-object=t.o \
		${hooks[@]+"${hooks[@]}"} -- $CC $CFLAGS -c missingcaller.c 2>$out.err ||
		{ fail "$out: extraction failed: $(cat $out.err)"; continue; }
	[ "$(sed -n '/klp_ccp_callers_of_fin(/,/^}/p' $out | grep -c 'fin(klp_ccp_a0, klp_ccp_a1, 7LL)')" = 1 ] ||
		fail "$out: no never-called caller of fin passing final7's 7"
	$CC $CFLAGS -c $out -o $out.o || { fail "$out: does not compile"; continue; }
	nm $out.o | grep -q 'fin\.constprop' && fail "$out.o: fin specialized"
	"$KLP_CCP" verify --target-object=t.o --patched-functions=whole $out \
		-- $CC $CFLAGS -c missingcaller.c >$out.v 2>&1 || fail "$out: $(cat $out.v)"
done
"$KLP_CCP" -o lp-all.c --patched-functions=whole,final8,final7 --target-object=t.o \
	-- $CC $CFLAGS -c missingcaller.c 2>lp-all.err || fail "lp-all.c: $(cat lp-all.err)"
grep -q klp_ccp_callers_of lp-all.c && fail "lp-all.c: a caller though lp.c has all of fin's"
nm t.o | grep -qE ' rel(\.|$)' && { echo "SKIP: $CC kept rel out of line"; exit 77; }
"$KLP_CCP" -o lp-rel.c --patched-functions=drop1 --target-object=t.o \
	-- $CC $CFLAGS -c missingcaller.c 2>lp-rel.err || fail "lp-rel.c: $(cat lp-rel.err)"
grep -q 'static int rel(' lp-rel.c || fail "lp-rel.c: rel not copied"
grep -q klp_ccp_callers_of_rel lp-rel.c && fail "lp-rel.c: a caller of rel, though drop1 passes no constant"
$CC $CFLAGS -c lp-rel.c -o lp-rel.o || fail "lp-rel.c: does not compile"
"$KLP_CCP" verify --target-object=t.o --patched-functions=drop1 lp-rel.c \
	-- $CC $CFLAGS -c missingcaller.c >lp-rel.v 2>&1 || fail "lp-rel.c: $(cat lp-rel.v)"
[ $FAILED = 0 ] && echo "PASS" || exit 1
