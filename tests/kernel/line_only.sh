#!/usr/bin/env bash
# changed-functions on real kernel code: kernel/exit.c compiled twice
# (-ffunction-sections), the second copy with three lines added at the top,
# in temporary directories (nothing is written into the tree). Expected: only
# the functions with WARN/BUG sites (their __bug_table line fields shift) are
# reported, as line_only. Usage: line_only.sh KLP_CCP. Skipped (77) without
# the corpus.
set -u
klp=$1
here=$(cd "$(dirname "$0")" && pwd)
CORPUS=${CORPUS:-$HOME/.cache/klp-ccp-corpus}
tree=$CORPUS/linux
json=$CORPUS/cmdlines/kernel_exit.json
[ -f "$json" ] && [ -f "$tree/kernel/exit.c" ] || { echo "SKIP: no kernel corpus"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/klp-ccp-lineonly.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/a/kernel" "$tmp/b/kernel"
cp "$tree/kernel/exit.c" "$tmp/a/kernel/exit.c"
{ printf '\n\n\n'; cat "$tree/kernel/exit.c"; } >"$tmp/b/kernel/exit.c"
for v in a b; do
	# Same __FILE__ ("kernel/exit.c") for both copies; local headers from the tree.
	python3 "$here/argv.py" srcfs "$json" - "$tmp/$v.o" | python3 -c '
import sys
a = sys.stdin.read().split("\0")
a[-1] = sys.argv[1] + "/kernel/exit.c"
i = a.index("-c")
a[i:i] = ["-iquote", "kernel", "-fmacro-prefix-map=" + sys.argv[1] + "/="]
sys.stdout.write("\0".join(a))' "$tmp/$v" >"$tmp/$v.argv"
	mapfile -d '' argv <"$tmp/$v.argv"
	(cd "$tree" && "${argv[@]}") || { echo "FAIL: cannot compile copy $v"; exit 1; }
done
"$klp" changed-functions "$tmp/a.o" "$tmp/b.o" >"$tmp/out" || { echo "FAIL: changed-functions"; exit 1; }
cat "$tmp/out"
printf 'changed: []\nadded: []\nremoved: []\nline_only:\n- name: abort\n  symbols: [abort]\n- name: do_exit\n  symbols: [do_exit, do_exit.cold]\n' |
	diff -u - "$tmp/out" || { echo "FAIL: unexpected result"; exit 1; }
"$klp" changed-functions "$CORPUS/objects/kernel_exit.o" "$CORPUS/objects/kernel_exit.o" >"$tmp/out" &&
	printf 'changed: []\nadded: []\nremoved: []\nline_only: []\n' | diff -u - "$tmp/out" ||
	{ echo "FAIL: the corpus object differs from itself"; exit 1; }
echo ok
