#!/usr/bin/env bash
# Item 10 of issue 13 on the kernel corpus: with the corpus object as
# --target-object and no hooks, the built-in defaults write the same lp.c
# as policies/kernel (every hook but is-patched) for each case below.
# Usage: kernel-defaults.sh KLP-CCP. Exit 77 without the corpus.
set -u
klp=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
CORPUS=${CORPUS:-$HOME/.cache/klp-ccp-corpus}
tree=$CORPUS/linux
[ -d "$tree" ] && [ -d "$CORPUS/cmdlines" ] && [ -d "$CORPUS/objects" ] ||
	{ echo "SKIP: no kernel corpus in $CORPUS"; exit 77; }
K=$root/policies/kernel
hooks=(-H "$K/may-include-header" -F "$K/can-externalize-fun"
	-S "$K/shall-externalize-fun" -O "$K/shall-externalize-obj"
	-E "$K/modify-externalized-sym" -P "$K/modify-patched-fun-sym"
	-R "$K/rename-rewritten-fun")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/klp-ccp-kdefaults.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
failed=0
# local headers (ext4.h, sched.h), exported and static helpers, objects; a
# static inline of a local header the target has out of line (livepatch/core.h
# klp_post_unpatch_callback: externalized by both)
while read -r flat funcs; do
	mapfile -d '' argv < <(python3 "$root/tests/kernel/argv.py" orig "$CORPUS/cmdlines/$flat.json")
	for mode in kernel defaults; do
		h=("${hooks[@]}")
		[ $mode = kernel ] || h=()
		(cd "$tree" && "$klp" -o "$tmp/$mode.c" --patched-functions="$funcs" \
			--target-object="$CORPUS/objects/$flat.o" "${h[@]}" -- "${argv[@]}") \
			</dev/null >"$tmp/$mode.log" 2>&1 ||
			{ echo "FAIL $flat $funcs: $mode: $(grep -m1 error "$tmp/$mode.log")"; failed=1; }
	done
	if cmp -s "$tmp/kernel.c" "$tmp/defaults.c"; then
		echo "same $flat $funcs"
	else
		echo "FAIL $flat $funcs: the defaults and policies/kernel write different lp.c:"
		diff "$tmp/kernel.c" "$tmp/defaults.c" | head -n 20
		failed=1
	fi
done <<'CASES'
fs_ext4_inode ext4_dirty_inode
kernel_sched_core set_user_nice
fs_namei lookup_fast
drivers_char_random get_random_u32
kernel_livepatch_core klp_module_coming
CASES
exit $failed
