#!/bin/bash
# splitback.sh KLP_CCP OBJCMP_TOOL: GCC split the static may_stamp (partial
# inlining), inlined its head into both callers and then the part too: the
# target has no symbol of either; only the clone dump (--ipa-clones) shows
# the split. lp.c, whose patched complete_stamp is may_stamp's only caller,
# ends with a never-called function calling may_stamp once: GCC splits it
# as in the original and complete_stamp is code-identical (without that
# caller may_stamp was inlined whole, not split: different block order).
# Without the dump nothing shows the split: no callers. With the built-in
# defaults and policies/kernel.
set -u
KLP_CCP=$1 OBJCMP=$2
. "$(dirname "$0")/setup.sh" splitback splitback.c
CFLAGS="-O2 -Wall -Wmissing-prototypes -Werror"
$CC -O2 -g -fdump-ipa-clones -c splitback.c -o splitback.o || exit 1
$CC -O2 -ffunction-sections -c splitback.c -o splitback.fs.o || exit 1
grep -q ';may_stamp\.part\.0;.*;part$' splitback.c.000i.ipa-clones && ! nm splitback.o | grep -q may_stamp ||
	{ echo "SKIP: $CC did not split may_stamp and inline both parts"; exit 77; }

for pol in default kernel; do
	hooks=()
	[ $pol = kernel ] && hooks=("${KERNEL_HOOKS[@]}")
	out=lp-$pol.c
	"$KLP_CCP" -o $out --patched-functions=complete_stamp --target-object=splitback.o \
		--ipa-clones=splitback.c.000i.ipa-clones ${hooks[@]+"${hooks[@]}"} \
		-- $CC $CFLAGS -c splitback.c 2>$out.err ||
		{ fail "$out: extraction failed: $(cat $out.err)"; continue; }
	$CC $CFLAGS -ffunction-sections -c $out -o $out.o 2>$out.cc ||
		{ fail "$out does not compile: $(cat $out.cc)"; continue; }
	grep -q '^static int may_stamp(' $out || fail "$out: may_stamp not a static copy"
	grep -q '^static void __attribute__((__used__)) klp_ccp_callers_of_may_stamp(' $out ||
		fail "$out: no never-called caller of may_stamp"
	[ "$(sed -n '/klp_ccp_callers_of_may_stamp(/,/^}/p' $out | grep -c '= may_stamp(')" = 1 ] ||
		fail "$out: the never-called caller does not call may_stamp once"
	nm $out.o | grep -q ' U may_stamp' && fail "$out.o: references the running may_stamp"
	"$OBJCMP" splitback.fs.o $out.o complete_stamp >$out.cmp 2>&1
	grep -qx "complete_stamp: identical" $out.cmp || fail "$out: $(cat $out.cmp)"
done
# without the dump: the symbol table shows no split, no callers
"$KLP_CCP" -o lp-nodump.c --patched-functions=complete_stamp --target-object=splitback.o \
	-- $CC $CFLAGS -c splitback.c 2>lp-nodump.err || fail "lp-nodump.c: $(cat lp-nodump.err)"
grep -q 'klp_ccp_callers_of' lp-nodump.c && fail "lp-nodump.c: callers without the dump"
[ $FAILED = 0 ] && echo "PASS" || exit 1
