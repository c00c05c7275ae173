#!/usr/bin/env bash
# Instruction counts (valgrind callgrind), which the load of a shared machine
# does not change: per corpus file, the instructions of
#   parse    parse_check -- ARGV (libclang parse with klp-ccp's arguments)
#   target   klp-ccp --patched-functions=F --target-object=OBJ -- ARGV
#   server   the same with --pol-server=policies/kernel/server
# and their ratios to the parse. klp-ccp's own process is counted apart from
# its DWARF reader (a forked child that runs during the parse); the policy
# server, a separate program, is not counted. Prints a Markdown table.
#
# The reader's count is its own work only: callgrind gives a forked child the
# counters of its parent at the fork (for klp-ccp about 30 M instructions of
# dynamic linking, command line and ELF symbols), so the child is dumped when
# it enters facts_dwarf_child() (--dump-before; src/facts_dwarf.c: the
# child's whole work happens inside it) and its count is the last dump's,
# from that entry to its exit. (The few hundred instructions of fork()'s own
# return in the child are left out.)
#
# Usage: bench/instr.sh [BUILD_DIR]; environment: CORPUS, FILES (as run.sh;
# default: six files of different sizes; FILES=all for the 24). About a
# minute per file and kind on an idle machine.
set -u
. "$(dirname "$0")/common.sh"
FILES=${FILES:-"kernel_fork kernel_sched_core fs_ext4_inode net_core_skbuff mm_slub lib_string"}
[ "$FILES" != all ] || FILES=$(cd "$CORPUS/cmdlines" && ls ./*.json | sed 's|^\./||; s|\.json$||')
command -v valgrind >/dev/null || { echo "instr: valgrind not installed" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/klp-ccp-instr.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

# count KIND CMD...: "MAIN READER" instructions (the largest process; the
# DWARF readers' own work: the last dump of each process that entered
# facts_dwarf_child, see above).
count() {
	local k=$1 f r=0 n
	shift
	rm -f "$tmp/cg".*
	(cd "$tree" && valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.%p" \
		--dump-before=facts_dwarf_child "$@" >"$tmp/$k.out" 2>"$tmp/$k.log")
	for f in "$tmp"/cg.*.1; do
		[ -e "$f" ] || continue
		n=$(sed -n 's/^totals: *//p' "${f%.1}")
		r=$((r + ${n:-0}))
	done
	sed -n 's/^==[0-9]*== Collected : //p' "$tmp/$k.log" | sort -g |
		awk -v r="$r" '{ v[NR] = $1 } END { printf "%.0f %.0f\n", v[NR], r }'
}

ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "?" }'
}

cat <<EOF
<!-- bench/instr.sh at $(git -C "$root" rev-parse --short HEAD 2>/dev/null), $(date -u '+%F %H:%M') UTC, load $(cut -d' ' -f1-3 /proc/loadavg) -->
Instructions (callgrind, millions): **parse** \`parse_check -- ARGV\`; **target**
klp-ccp with \`--target-object\` (its own process; + the DWARF reader child,
which runs during the parse); **server** the same with the kernel policy
server (klp-ccp's process only). Ratios to the parse.

| file | function | parse M | target M | reader M | server M | target | target+reader | server |
|---|---|---:|---:|---:|---:|---:|---:|---:|
EOF
: >"$tmp/rt"; : >"$tmp/rr"; : >"$tmp/rs"
for flat in $FILES; do
	func=$(first_func "$flat")
	[ -n "$func" ] || continue
	obj=$CORPUS/objects/$flat.o
	argv_of "$CORPUS/cmdlines/$flat.json" >"$tmp/argv"
	mapfile -d '' argv <"$tmp/argv"
	ex=("$klp" -o "$tmp/lp.c" --patched-functions="$func" --target-object="$obj")
	read -r p _ < <(count parse "$pc" -- "${argv[@]}")
	read -r t rd < <(count target "${ex[@]}" -- "${argv[@]}")
	read -r s _ < <(count server "${ex[@]}" --pol-server="$root/policies/kernel/server" -- "${argv[@]}")
	rt=$(ratio "$t" "$p"); rr=$(ratio $((t + rd)) "$p"); rs=$(ratio "$s" "$p")
	echo "$rt" >>"$tmp/rt"; echo "$rr" >>"$tmp/rr"; echo "$rs" >>"$tmp/rs"
	printf '| %s | %s | %d | %d | %d | %d | %s | %s | %s |\n' "$flat" "$func" $((p / 1000000)) \
		$((t / 1000000)) $((rd / 1000000)) $((s / 1000000)) "$rt" "$rr" "$rs"
done
med() { median 3 <"$1"; }
printf '| **median** | | | | | | %s | %s | %s |\n' "$(med "$tmp/rt")" "$(med "$tmp/rr")" "$(med "$tmp/rs")"
