#!/bin/bash
# ipa.sh KLP_CCP OBJCMP_TOOL: GCC compiles `patched` knowing the bodies of
# weigh and tally, which call no function of ipa.c: it keeps x in a
# call-clobbered register across them (-fipa-ra) and does not reload s->a
# after weigh (pure, -fipa-modref). Externalized, they would be unknown
# calls. With the built-in defaults and with policies/kernel they are
# copied (facts: self_contained, code_size, tree_size) and kept out of line
# (declared noinline: the target calls them), so klpp_patched's code is
# the original's. chatty calls tally: its tree (its code and its callees'
# in ipa.o) is small, it is copied too; hub calls bulky, more than 2048 bytes
# of code: hub stays externalized (tree_size). plain, global, small and not
# __visible, is copied as a static klpr_plain. triple
# would be copied but its address is taken: it is externalized (not an
# error). pinned, declared noinline, is externalized
# (KLP_CCP_FUN_NOINLINE); stacked, declared noinline_for_stack (a macro of
# that name, the kernel's), is copied (KLP_CCP_FUN_NOINLINE_FOR_STACK). fallback, weak, and
# spread and shown, global and __attribute__((externally_visible)) (shown
# through a macro, the kernel's __visible, empty for clang as in the
# kernel's compiler_attributes.h), are externalized
# (KLP_CCP_SYM_BINDING, KLP_CCP_FUN_VISIBLE).
set -u
KLP_CCP=$1 OBJCMP=$2
. "$(dirname "$0")/setup.sh" ipa ipa.c
CFLAGS="-O2 -fno-pie -fno-inline-small-functions -fno-inline-functions-called-once"
CFLAGS="$CFLAGS -fno-inline-functions -fno-early-inlining -Wall -Werror"
$CC $CFLAGS -g -c ipa.c -o ipa.o || exit 1
$CC $CFLAGS -ffunction-sections -c ipa.c -o ipa.fs.o || exit 1
for f in weigh tally chatty triple pinned stacked hub bulky; do
	nm ipa.o | grep -q " t $f\$" || { echo "SKIP: $CC inlined or cloned $f"; exit 77; }
done
nm ipa.o | grep -q " T plain\$" && nm ipa.o | grep -q " T shown\$" && nm ipa.o | grep -q " T spread\$" && nm ipa.o | grep -q " W fallback\$" || { echo "SKIP: $CC inlined fallback"; exit 77; }

"$KLP_CCP" facts --target-object=ipa.o weigh chatty hub >facts.yaml || fail "facts failed"
grep -A12 '^name: weigh$' facts.yaml | grep -qx 'self_contained: true' ||
	fail "weigh is not self_contained: $(cat facts.yaml)"
grep -A12 '^name: chatty$' facts.yaml | grep -qx 'self_contained: false' ||
	fail "chatty is self_contained: $(cat facts.yaml)"
grep -A12 '^name: weigh$' facts.yaml | grep -q '^code_size: [1-9]' || fail "weigh: no code_size"
tree=$(grep -A14 '^name: chatty$' facts.yaml | sed -n 's/^tree_size: //p')
code=$(grep -A14 '^name: chatty$' facts.yaml | sed -n 's/^code_size: //p')
[ -n "$tree" ] && [ "$tree" -gt "$code" ] && [ "$tree" -le 512 ] || fail "chatty: tree_size $tree, code_size $code"
tree=$(grep -A14 '^name: hub$' facts.yaml | sed -n 's/^tree_size: //p')
[ -n "$tree" ] && [ "$tree" -gt 2048 ] || fail "hub: tree_size $tree"

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
	for f in weigh tally chatty stacked; do
		grep -qE "^static int $f\(.*\) __attribute__\(\(__noinline__(, __noclone__)?\)\);$" $out ||
			fail "$out: $f not copied out of line"
		nm $out.o | grep -q " t $f\$" || fail "$out.o: $f not defined"
	done
	for f in triple pinned fallback spread shown hub; do
		nm -u $out.o | grep -qw $f || fail "$out.o: $f not externalized"
		grep -q "^extern int $f(int);" $out || fail "$out: no declaration of $f"
	done
	grep -qw bulky $out && fail "$out: names bulky"
	grep -q "^static \(__attribute__((__used__)) \)\?int klpr_plain(int x)$" $out && nm $out.o | grep -q " t klpr_plain\$" ||
		fail "$out: plain not copied"
	nm -u $out.o | grep -qw plain && fail "$out.o: refers to the running plain"
	"$OBJCMP" ipa.fs.o $out.o patched >$out.cmp 2>&1
	grep -qx 'patched: identical' $out.cmp || fail "$out: $(cat $out.cmp)"
done
cmp -s lp-default.c lp-kernel.c || fail "defaults and policies/kernel differ: $(diff lp-default.c lp-kernel.c)"
[ $FAILED = 0 ] && echo "PASS" || exit 1
