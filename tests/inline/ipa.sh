#!/bin/bash
# ipa.sh KLP_CCP OBJCMP_TOOL: GCC compiles `patched` knowing the bodies of
# weigh and tally, which call no function of ipa.c: it keeps x in a
# call-clobbered register across them (-fipa-ra) and does not reload s->a
# after weigh (pure, -fipa-modref). Externalized, they would be unknown
# calls. With the built-in defaults and with policies/kernel they are
# copied (facts: self_contained, code_size) and kept out of line
# (declared noinline: the target calls them), so klpp_patched's code is
# the original's. chatty calls tally (not self-contained) and stays
# externalized; triple would be copied but its address is taken: it is
# externalized (not an error). pinned, declared noinline, is externalized
# (KLP_CCP_FUN_NOINLINE). fallback, weak, and
# spread, global and __attribute__((externally_visible)), are externalized
# (only a local symbol is copied: KLP_CCP_SYM_BINDING).
set -u
KLP_CCP=$1 OBJCMP=$2
. "$(dirname "$0")/setup.sh" ipa ipa.c
CFLAGS="-O2 -fno-pie -fno-inline-small-functions -fno-inline-functions-called-once"
CFLAGS="$CFLAGS -fno-inline-functions -fno-early-inlining -Wall -Werror"
$CC $CFLAGS -g -c ipa.c -o ipa.o || exit 1
$CC $CFLAGS -ffunction-sections -c ipa.c -o ipa.fs.o || exit 1
for f in weigh tally chatty triple pinned; do
	nm ipa.o | grep -q " t $f\$" || { echo "SKIP: $CC inlined or cloned $f"; exit 77; }
done
nm ipa.o | grep -q " T spread\$" && nm ipa.o | grep -q " W fallback\$" || { echo "SKIP: $CC inlined fallback"; exit 77; }

"$KLP_CCP" facts --target-object=ipa.o weigh chatty >facts.yaml || fail "facts failed"
grep -A12 '^name: weigh$' facts.yaml | grep -qx 'self_contained: true' ||
	fail "weigh is not self_contained: $(cat facts.yaml)"
grep -A12 '^name: chatty$' facts.yaml | grep -qx 'self_contained: false' ||
	fail "chatty is self_contained: $(cat facts.yaml)"
grep -A12 '^name: weigh$' facts.yaml | grep -q '^code_size: [1-9]' || fail "weigh: no code_size"

for pol in default kernel; do
	hooks=()
	[ $pol = kernel ] && hooks=(-H "$K/may-include-header" -F "$K/can-externalize-fun"
		-S "$K/shall-externalize-fun" -O "$K/shall-externalize-obj"
		-E "$K/modify-externalized-sym" -P "$K/modify-patched-fun-sym"
		-R "$K/rename-rewritten-fun")
	out=lp-$pol.c
	"$KLP_CCP" -o $out --patched-functions=patched,patched2 --target-object=ipa.o \
		${hooks[@]+"${hooks[@]}"} -- $CC $CFLAGS -c ipa.c 2>$out.err ||
		{ fail "$out: extraction failed: $(cat $out.err)"; continue; }
	$CC $CFLAGS -ffunction-sections -c $out -o $out.o 2>$out.cc ||
		{ fail "$out does not compile: $(cat $out.cc)"; continue; }
	for f in weigh tally; do
		grep -qE "^static int $f\(.*\) __attribute__\(\(__noinline__(, __noclone__)?\)\);$" $out ||
			fail "$out: $f not copied out of line"
		nm $out.o | grep -q " t $f\$" || fail "$out.o: $f not defined"
	done
	for f in chatty triple pinned fallback spread; do
		nm -u $out.o | grep -qw $f || fail "$out.o: $f not externalized"
		grep -q "^extern int $f(int);" $out || fail "$out: no declaration of $f"
	done
	"$OBJCMP" ipa.fs.o $out.o patched >$out.cmp 2>&1
	grep -qx 'patched: identical' $out.cmp || fail "$out: $(cat $out.cmp)"
done
cmp -s lp-default.c lp-kernel.c || fail "defaults and policies/kernel differ: $(diff lp-default.c lp-kernel.c)"
[ $FAILED = 0 ] && echo "PASS" || exit 1
