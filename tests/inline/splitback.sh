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
. "$(dirname "$0")/setup.sh" splitback splitback.c splitback-inline.c
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
# a clone of the part made by another IPA pass (.isra, as net/ipv4/tcp.c's
# can_map_frag.part.0.isra.0): not the plain split, no callers (as for the
# symbol table's clones)
line=$(grep ';may_stamp\.part\.0;.*;part$' splitback.c.000i.ipa-clones)
{ cat splitback.c.000i.ipa-clones; echo "$line" |
	awk -F';' '{print "Callgraph clone;" $7 ";" $8 ";" $9 ";" $10 ";" $11 ";" $7 ".isra.0;98;" $9 ";" $10 ";" $11 ";isra"}'; } >isra.ipa-clones
"$KLP_CCP" -o lp-isra.c --patched-functions=complete_stamp --target-object=splitback.o \
	--ipa-clones=isra.ipa-clones -- $CC $CFLAGS -c splitback.c 2>lp-isra.err || fail "lp-isra.c: $(cat lp-isra.err)"
grep -q 'may_stamp\.part\.0\.isra\.0;98' isra.ipa-clones || fail "isra.ipa-clones: no isra line"
grep -q 'GCC split may_stamp' lp-isra.c && fail "lp-isra.c: callers of a function whose part has an .isra clone"
# without the dump: the symbol table shows no split, no split callers (one
# caller stands for tstamp_tx, which lp.c lacks: missingcaller.sh)
"$KLP_CCP" -o lp-nodump.c --patched-functions=complete_stamp --target-object=splitback.o \
	-- $CC $CFLAGS -c splitback.c 2>lp-nodump.err || fail "lp-nodump.c: $(cat lp-nodump.err)"
grep -q 'GCC split may_stamp' lp-nodump.c && fail "lp-nodump.c: split callers without the dump"

# A function declared inline that the dump shows split and inlined back
# (sock_of, the dump's split lines added here: GCC inlines it whole) gets
# no caller: lp.c's one call takes it whole, as the pieces ended up.
$CC -O2 -g -fdump-ipa-clones -c splitback-inline.c -o splitback-inline.o || exit 1
$CC -O2 -ffunction-sections -c splitback-inline.c -o sbi.fs.o || exit 1
d=splitback-inline.c.000i.ipa-clones
grep -q '^Callgraph removal;sock_of;' $d || { echo "SKIP: $CC did not inline sock_of everywhere"; exit 77; }
order=$(sed -n 's/^Callgraph removal;sock_of;\([0-9]*\);.*/\1/p' $d)
loc="splitback-inline.c;15;28"
for c in free_one free_two; do
	sed -n "s/^Callgraph clone;sock_of;$order;$loc;\($c;[0-9]*;[^;]*;[0-9]*;[0-9]*\);inlining to$/\1/p" $d
done >callers.txt
[ "$(wc -l <callers.txt)" = 2 ] || { echo "SKIP: unexpected dump $(cat $d)"; exit 77; }
{
	echo "Callgraph clone;sock_of;$order;$loc;sock_of.part.0;99;$loc;part"
	sed "s/^/Callgraph clone;sock_of.part.0;99;$loc;/; s/\$/;inlining to/" callers.txt
	cat $d
	echo "Callgraph removal;sock_of.part.0;99;$loc"
} >sbi.ipa-clones
"$KLP_CCP" -o lp-inline.c --patched-functions=free_one --target-object=splitback-inline.o \
	--ipa-clones=sbi.ipa-clones -- $CC $CFLAGS -c splitback-inline.c 2>lp-inline.err ||
	fail "lp-inline.c: $(cat lp-inline.err)"
grep -q 'klp_ccp_callers_of' lp-inline.c && fail "lp-inline.c: callers of an inline function"
$CC $CFLAGS -ffunction-sections -c lp-inline.c -o lp-inline.o 2>lp-inline.cc ||
	fail "lp-inline.c does not compile: $(cat lp-inline.cc)"
"$OBJCMP" sbi.fs.o lp-inline.o free_one >lp-inline.cmp 2>&1
grep -qx "free_one: identical" lp-inline.cmp || fail "lp-inline.c: $(cat lp-inline.cmp)"

# The same split of a global may_stamp (splitglobal.c): the target keeps
# its symbol, so lp.c copies it with a caller. Not declared noclone: that
# forbids the split, and the whole copy was not inlined into complete_stamp
# (code differs).
sed 's/^static int may_stamp(/int may_stamp(struct sock *sk, int tsonly);\nint may_stamp(/
     s/^void complete_stamp(/void complete_stamp(void *skb, struct sock *sk);\n&/
     s/^void tstamp_tx(/void tstamp_tx(void *skb, struct sock *sk, int tsonly, int type);\n&/' \
	splitback.c >splitglobal.c
$CC -O2 -g -fdump-ipa-clones -c splitglobal.c -o splitglobal.o || exit 1
grep -q ';may_stamp\.part\.0;.*;part$' splitglobal.c.000i.ipa-clones &&
	! nm splitglobal.o | grep -q 'may_stamp\.part' ||
	{ echo "SKIP: $CC did not split the global may_stamp and inline both parts"; exit 77; }
for pol in default kernel; do
	hooks=()
	[ $pol = kernel ] && hooks=("${KERNEL_HOOKS[@]}")
	out=lp-global-$pol.c
	"$KLP_CCP" -o $out --patched-functions=complete_stamp --target-object=splitglobal.o \
		--ipa-clones=splitglobal.c.000i.ipa-clones ${hooks[@]+"${hooks[@]}"} \
		-- $CC $CFLAGS -c splitglobal.c 2>$out.err ||
		{ fail "$out: extraction failed: $(cat $out.err)"; continue; }
	grep -q 'klp_ccp_callers_of_klpr_may_stamp(' $out || fail "$out: no caller of klpr_may_stamp"
	grep -q '__noclone__.*may_stamp(' $out && fail "$out: the copy of may_stamp is noclone"
	"$KLP_CCP" verify --target-object=splitglobal.o --patched-functions=complete_stamp $out \
		-- $CC $CFLAGS -c splitglobal.c >$out.v 2>&1 || fail "$out: $(cat $out.v)"
done
[ $FAILED = 0 ] && echo "PASS" || exit 1
