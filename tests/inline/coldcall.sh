#!/bin/bash
# coldcall.sh KLP_CCP: the header's reg_write (coldcall.h) is specialized
# for register 0x3b (reg_write.constprop.N) in the target, inlined where
# store and verify_adj likely run, and called at store's unlikely call
# (after a cold warn(), in first_cpu) and sync_target's. A livepatch of
# store has that unlikely call as reg_write's last: GCC inlines it (the body
# goes away), where the target called the body. lp.c ends with a
# never-called cold function calling reg_write with the 0x3b every call of
# the unit passes (through reg_write64) and the other arguments unknown:
# klp-ccp verify finds store identical. When lp.c has all the functions
# calling or inlining reg_write (store, sync_target, verify_adj), no such
# caller. With the built-in defaults and
# policies/kernel; lp.c compiles under -Werror.
set -u
KLP_CCP=$1
. "$(dirname "$0")/setup.sh" coldcall coldcall.c coldcall.h
CFLAGS="-O2 -Wall -Werror"
$CC $CFLAGS -g -c coldcall.c -o t.o || exit 1
nm t.o | grep -q ' reg_write\.constprop' && "$KLP_CCP" facts --target-object=t.o store |
	sed -n '/^callees:/,$p' | grep -qx -- '- reg_write' ||
	{ echo "SKIP: $CC's store does not call reg_write.constprop.N"; exit 77; }

for pol in default kernel; do
	hooks=()
	[ $pol = kernel ] && hooks=("${KERNEL_HOOKS[@]}")
	out=lp-$pol.c
	"$KLP_CCP" -o $out --patched-functions=store --target-object=t.o \
		${hooks[@]+"${hooks[@]}"} -- $CC $CFLAGS -c coldcall.c 2>$out.err ||
		{ fail "$out: extraction failed: $(cat $out.err)"; continue; }
	sed -n '/__cold__)) klp_ccp_callers_of_reg_write(/,/^}/p' $out | grep -q 'reg_write(59U*L*, klp_ccp_a1, klp_ccp_a2)' ||
		fail "$out: no never-called cold caller of reg_write passing 0x3b"
	$CC $CFLAGS -c $out -o $out.o || { fail "$out: does not compile"; continue; }
	"$KLP_CCP" verify --target-object=t.o --patched-functions=store $out \
		-- $CC $CFLAGS -c coldcall.c >$out.v 2>&1 || fail "$out: $(cat $out.v)"
done
"$KLP_CCP" -o lp-all.c --patched-functions=store,sync_target,verify_adj --target-object=t.o \
	-- $CC $CFLAGS -c coldcall.c 2>lp-all.err || fail "lp-all.c: $(cat lp-all.err)"
grep -q klp_ccp_callers_of lp-all.c && fail "lp-all.c: a caller though lp.c has all of the body's"
[ $FAILED = 0 ] && echo "PASS" || exit 1
