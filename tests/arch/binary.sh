#!/usr/bin/env bash
# Binary analyses on a cross-built corpus (tests/arch/setup-arch-corpus.sh):
#  - facts: every GCC clone (.isra/.constprop/.part) of kernel/fork.o is
#    reported as a clone of its function, and a function DWARF shows inlined
#    into copy_process is reported so;
#  - ipa-clones: the same clones are found in GCC's dump;
#  - changed-functions: lib/string.c compiled with the original cross argv
#    (-ffunction-sections) and again with strspn changed: only strspn is
#    reported changed (relocated fields of this architecture masked right);
#    with 3 lines inserted before strscpy instead, strscpy (its WARN's
#    __bug_table line) is reported line_only by +3, nothing as changed.
# Usage: binary.sh ARCH KLP_CCP. Exit 77 when the corpus or compiler is missing.
set -u
arch=$1 klp=$2
here=$(cd "$(dirname "$0")" && pwd)
C=${CORPUS:-$HOME/.cache/klp-ccp-corpus}-$arch
json=$C/cmdlines/lib_string.json
[ -f "$json" ] && [ -f "$C/objects/kernel_fork.o" ] ||
	{ echo "SKIP: no $arch corpus in $C"; exit 77; }
cc=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0])' "$json")
command -v "$cc" >/dev/null || { echo "SKIP: $cc not installed"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/klp-ccp-arch-binary.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL $arch: $*"; exit 1; }

obj=$C/objects/kernel_fork.o
clones=$(nm "$obj" | awk '$2 ~ /^[tT]$/ && $3 ~ /\.(isra|constprop|part)\.[0-9]+$/ { print $3 }')
[ -n "$clones" ] || fail "kernel/fork.o has no clone symbols"
for c in $clones; do
	base=${c%%.*}
	"$klp" facts --target-object="$obj" "$base" >"$tmp/facts" 2>&1 ||
		{ cat "$tmp/facts"; fail "facts $base failed"; }
	grep -q "symbol: $c\$" "$tmp/facts" || { cat "$tmp/facts"; fail "facts: $c not a clone of $base"; }
	"$klp" ipa-clones --format=text --symbol="$base" \
		"$C/ipa-clones/kernel_fork.c.000i.ipa-clones" >"$tmp/ipa" 2>&1 ||
		{ cat "$tmp/ipa"; fail "ipa-clones $base failed"; }
	grep -qF "$c" "$tmp/ipa" || { cat "$tmp/ipa"; fail "ipa-clones: $c not found for $base"; }
done
"$klp" facts --target-object="$obj" copy_mm >"$tmp/facts" 2>&1
grep -A1 '^inlined_into:' "$tmp/facts" | grep -q -- '- copy_process' ||
	{ cat "$tmp/facts"; fail "facts: copy_mm not inlined into copy_process"; }

# changed-functions: strspn changed, nothing else (both built from the same
# path: __FILE__ strings are the same)
python3 "$here/../kernel/argv.py" lpfs "$json" "$tmp/string.c" "$tmp/out.o" >"$tmp/argv"
mapfile -d '' a <"$tmp/argv"
for v in orig changed moved; do
	if [ $v = orig ]; then
		cp "$C/linux/lib/string.c" "$tmp/string.c"
	elif [ $v = moved ]; then
		python3 - "$C/linux/lib/string.c" "$tmp/string.c" <<'PY' || fail "cannot move strscpy"
import sys
s = open(sys.argv[1]).read()
i = s.index("ssize_t strscpy(")
open(sys.argv[2], "w").write(s[:i] + "\n\n\n" + s[i:])
PY
	else
		python3 - "$tmp/string.c" <<'PY' || fail "cannot change strspn"
import sys
s = open(sys.argv[1]).read()
i = s.index("size_t strspn(")
j = s.index("return p - s;", i)
open(sys.argv[1], "w").write(s[:j] + "return p - s + 1;" + s[j + len("return p - s;"):])
PY
	fi
	(cd "$C/linux" && "${a[@]}") >"$tmp/cc.log" 2>&1 || { cat "$tmp/cc.log"; fail "compile $v"; }
	mv "$tmp/out.o" "$tmp/$v.o"
done
"$klp" changed-functions --format=text "$tmp/orig.o" "$tmp/changed.o" >"$tmp/changed" 2>&1 ||
	{ cat "$tmp/changed"; fail "changed-functions failed"; }
grep -q '^changed strspn ' "$tmp/changed" || { cat "$tmp/changed"; fail "strspn not changed"; }
others=$(grep -v '^changed strspn ' "$tmp/changed")
[ -z "$others" ] || { cat "$tmp/changed"; fail "more than strspn reported: $others"; }
"$klp" changed-functions --format=text "$tmp/orig.o" "$tmp/moved.o" >"$tmp/moved" 2>&1 ||
	{ cat "$tmp/moved"; fail "changed-functions (moved) failed"; }
grep -q '^line_only strscpy strscpy: strscpy: line numbers shifted by +3$' "$tmp/moved" ||
	{ cat "$tmp/moved"; fail "strscpy not line_only +3"; }
grep -q '^changed' "$tmp/moved" && { cat "$tmp/moved"; fail "moved lines reported as changed"; }
echo "ok $arch: $(echo $clones | wc -w) clones, changed-functions exact"
