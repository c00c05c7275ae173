#!/bin/bash
# The same source extracted with and without --target-object: the copy or
# externalize decision of each helper follows the facts of the target object
# (tests/facts/extract/lp_src.c says which and why), and a patched function
# that the target shows inlined gets a warning naming its callers.
set -u
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
CC=${CC:-gcc}
command -v "$CC" >/dev/null || { echo "SKIP: no $CC"; exit 77; }
workdir
cd "$WORK" || exit 1
cp "$HERE/extract/lp_src.c" .
$CC -O2 -g -c lp_src.c -o lp_src.o || exit 1

# The object really is what lp_src.c says.
ok
readelf -sW lp_src.o | grep -qw isra_h.isra.0 || fail "gcc made no isra_h.isra.0"
for s in inl_h exp_h; do
	ok
	readelf -sW lp_src.o | grep -qw $s && fail "gcc left $s out of line"
done

# Extraction must read the target objects: a garbage one is an error.
printf 'garbage' >garbage.o
if "$KLP_CCP" -o lp0.c --patched-functions=pf --target-object=garbage.o \
	-- $CC -O2 -c lp_src.c >/dev/null 2>&1; then
	echo "SKIP: --target-object is not used by the extraction yet"
	exit 77
fi

printf '0x00000001\texp_h\tvmlinux\tEXPORT_SYMBOL\t\n' >Module.symvers
extract() {
	local out=$1
	shift
	"$KLP_CCP" -o "$out" --patched-functions=pf "$@" -- $CC -O2 -c lp_src.c \
		2>"$out.err" || { fail "extraction $*:"; sed 's/^/    /' "$out.err"; }
	$CC -O2 -c "$out" -o "$out.o" 2>/dev/null || fail "$out does not compile"
}
extract plain.c
extract facts.c --target-object=lp_src.o --symvers=Module.symvers
extract nosymvers.c --target-object=lp_src.o

# expect_sym FILE SYM ext|copy WHY: SYM is an undefined reference of FILE.o
# (externalized), or is defined in FILE and not an undefined reference (copied).
expect_sym() {
	local undef
	ok
	undef=$(nm -u "$1.o" | awk -v s="$2" '$NF == s')
	if [ "$3" = ext ] && [ -z "$undef" ]; then
		fail "$1: $2 is not externalized ($4)"
	elif [ "$3" = copy ] && { [ -n "$undef" ] || ! grep -qE "^static .*\b$2\(" "$1"; }; then
		fail "$1: $2 is not copied ($4)"
	fi
}
# without facts the defaults read the original compiled with its command
# line: a static it has no symbol of is copied (an extern would not link)
for s in kept_h glob_h; do
	expect_sym plain.c $s ext "externalized without facts"
done
for s in inl_h isra_h exp_h; do
	expect_sym plain.c $s copy "without facts, not in the original compiled: copied"
done
expect_sym facts.c inl_h copy "absent from the target: copied"
expect_sym facts.c isra_h copy "only a clone in the target: copied"
expect_sym facts.c kept_h ext "present: externalized"
expect_sym facts.c glob_h ext "global: externalized"
expect_sym facts.c exp_h ext "exported: externalized"
expect_sym nosymvers.c exp_h copy "absent and not exported: copied"
expect_sym nosymvers.c kept_h ext "present: externalized"

ok
grep -q "warning: .*patched function 'pf' is inlined into user1, user2 in lp_src.o" \
	facts.c.err || { fail "no inlining warning:"; cat facts.c.err; }
ok
grep -q "inlined into" plain.c.err && fail "inlining warning without facts"

# A hook sees the facts of the symbol it is asked about.
cat >hook.sh <<'HOOK'
#!/bin/sh
echo "$1 present=$KLP_CCP_SYM_PRESENT binding=$KLP_CCP_SYM_BINDING clones=$KLP_CCP_SYM_CLONES" >>hook.log
echo "RESULT: YES"
HOOK
chmod +x hook.sh
"$KLP_CCP" -o hooked.c --patched-functions=pf -F ./hook.sh --target-object=lp_src.o \
	-- $CC -O2 -c lp_src.c 2>/dev/null || fail "extraction with a hook"
ok
grep -qx "isra_h present=no binding= clones=isra_h.isra.0:isra" hook.log ||
	{ fail "hook environment:"; cat hook.log; }
ok
grep -qx "kept_h present=yes binding=local clones=" hook.log ||
	{ fail "hook environment:"; cat hook.log; }

finish
