#!/bin/bash
# bench/vmlinux.sh [BUILD_DIR]: klp-ccp against the linked kernel image
# (--target-object=vmlinux, the usual target of built-in code) on the bench
# files: wall time and peak RSS of the extraction (the DWARF child included),
# and of `klp-ccp facts`, which reads the DWARF of every unit of vmlinux.
# Needs the corpus kernel built ($CORPUS/linux/vmlinux, tests/boot builds it).
# FILES selects files (default: four large ones), RUNS the rounds (best kept).
source "$(dirname "$0")/common.sh"
[ -f "$tree/vmlinux" ] || { echo "bench: no $tree/vmlinux (tests/boot/build-kernel.sh builds it)" >&2; exit 1; }
RUNS=${RUNS:-2}
FILES=${FILES:-kernel_fork kernel_sched_core mm_slub net_core_skbuff}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# best_of CMD...: "WALL RSS_MB" of the fastest of RUNS runs
best_of() {
	local best=""
	for ((r = 0; r < RUNS; r++)); do
		/usr/bin/time -f "%e %M" -o "$out/t" "$@" >/dev/null 2>"$out/err" ||
			{ echo "bench: failed: $*" >&2; sed 's/^/    /' "$out/err" >&2; return 1; }
		read -r w m <"$out/t"
		[ -z "$best" ] || awk -v a="$w" -v b="${best% *}" 'BEGIN { exit !(a < b) }' &&
			best="$w $((m / 1024))"
	done
	echo "$best"
}

echo "# klp-ccp against vmlinux, $(date -u '+%F %H:%M') UTC, $(git -C "$root" rev-parse --short HEAD)"
echo
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); vmlinux $(($(stat -c %s "$tree/vmlinux") >> 20)) MB"
echo
echo "| run | wall s | peak RSS MB |"
echo "|---|---|---|"
cd "$tree" || exit 1
for f in $FILES; do
	fn=$(first_func "$f")
	read -r w m < <(best_of "$klp" -o "$out/lp.c" --patched-functions="$fn" \
		--target-object=vmlinux --cmdline-json="../cmdlines/$f.json") || exit 1
	echo "| $f $fn | $w | $m |"
done
read -r w m < <(best_of "$klp" facts --target-object=vmlinux copy_process) || exit 1
echo "| facts copy_process (every unit's DWARF) | $w | $m |"
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
