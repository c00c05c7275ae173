#!/usr/bin/env bash
# klp-ccp benchmark on the kernel corpus, one paired run: for each corpus
# file, RUNS rounds of five measurements back to back (so that load changes
# hit all five alike):
#   parse    libclang parsing alone with klp-ccp's arguments (parse_check)
#   default  extraction of one function, built-in policy, no binary facts
#   target   the same with --target-object (the file's object)
#   hooks    the same with the seven per-question policies/kernel hooks
#   server   the same with the kernel policy server (policies/kernel/server)
# each the fastest of its RUNS (load only ever adds time), with its CPU time
# (user + system, hooks' processes included) and peak RSS; the ratios of each
# extraction to the parse of the same file; medians; the targets. Prints a
# Markdown report (machine and load first) on stdout.
#
# Usage: bench/run.sh [BUILD_DIR]   (default: build; needs klp-ccp and
#        tests/parse_check built there). Environment: CORPUS; RUNS (default
#        3); FILES (default: all; a space-separated subset of cmdlines/ names).
# Targets (median of the per-file ratios): target <= 1.15, hooks <= 1.35 and
# no file above 2, server <= 1.2; peak RSS < 200 MB.
set -u
RUNS=${RUNS:-3}
. "$(dirname "$0")/common.sh"
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time not found" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/klp-ccp-bench.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
KINDS=(parse default target hooks server)

# measure1 OUT CMD...: run CMD from the tree root under /usr/bin/time;
# prints "WALL CPU KB STATUS".
measure1() {
	local out=$1
	shift
	(cd "$tree" && /usr/bin/time -f '%e %U %S %M' -o "$out.time" "$@" >"$out.log" 2>&1)
	local rc=$?
	awk -v rc=$rc '{ printf "%s %.2f %s %s\n", $1, $2 + $3, $4, rc }' "$out.time"
}

# run_kind KIND FUNC OBJ: one measurement of KIND for the current argv.
run_kind() {
	local ex=("$klp" -o "$tmp/lp.c" --patched-functions="$2")
	case $1 in
	parse) measure1 "$tmp/m" "$pc" -- "${argv[@]}" ;;
	default) measure1 "$tmp/m" "${ex[@]}" -- "${argv[@]}" ;;
	target) measure1 "$tmp/m" "${ex[@]}" --target-object="$3" -- "${argv[@]}" ;;
	hooks) measure1 "$tmp/m" "${ex[@]}" --target-object="$3" "${hooks[@]}" -- "${argv[@]}" ;;
	server) measure1 "$tmp/m" "${ex[@]}" --target-object="$3" --pol-server="$K/server" \
		-- "${argv[@]}" ;;
	esac
}

# count_calls FUNC OBJ: hook processes of one hooks run (strace), or "?".
count_calls() {
	command -v strace >/dev/null || { echo "?"; return; }
	(cd "$tree" && strace -f -e trace=execve -o "$tmp/st" "$klp" -o "$tmp/lp.c" \
		--patched-functions="$1" --target-object="$2" "${hooks[@]}" -- "${argv[@]}" \
		>/dev/null 2>&1)
	grep -c 'policies/kernel/[a-z-]*", \[' "$tmp/st"
}

# min A B: the smaller number (A when B is empty).
min() {
	awk -v a="$1" -v b="$2" 'BEGIN { print (b == "" || a + 0 < b + 0) ? a : b }'
}

ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "?" }'
}

# verdict VALUE LIMIT: "met" when VALUE <= LIMIT.
verdict() {
	awk -v v="$1" -v l="$2" 'BEGIN { print (v != "?" && v + 0 <= l + 0) ? "met" : "NOT met" }'
}

cat <<EOF
# klp-ccp benchmark, $(date -u +%Y-%m-%d)

Machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'),
$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) memory, $(uname -sr).
klp-ccp $("$klp" --version 2>/dev/null | head -n1 | sed 's/^klp-ccp //') ($(git -C "$root" rev-parse --short HEAD 2>/dev/null)), libclang
$(ldd "$klp" | awk '/libclang/ { print $3; exit }'),
$(gcc --version | head -n1). Corpus: Linux $(sed -n 's/.*"kernel": "\(.*\)".*/\1/p' "$CORPUS/manifest.json" 2>/dev/null).
Load average at start: $(cut -d' ' -f1-3 /proc/loadavg). One paired run from \`bench/run.sh\`:
per file, $RUNS rounds of the five measurements back to back, each the fastest
of its rounds; warm prelude cache.

Columns: **parse** \`parse_check -- ARGV\` (the libclang parse with klp-ccp's
arguments), wall s; then for one function F, the ratio to the parse of:
**default** \`klp-ccp --patched-functions=F\`; **target** with
\`--target-object\`; **hooks** with it and the seven per-question
\`policies/kernel\` hooks (calls: hook processes started); **server** with it
and \`--pol-server=policies/kernel/server\`. Ratios of wall time, then (cpu)
of CPU time (user + system, hook processes included), which load disturbs
less. MB: the largest peak RSS of the five.

| file | function | parse s | default | target | hooks | calls | server | default cpu | target cpu | hooks cpu | server cpu | MB |
|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
EOF

# Warm the prelude cache once.
argv_of "$CORPUS/cmdlines/kernel_fork.json" >"$tmp/argv"
mapfile -d '' argv <"$tmp/argv"
(cd "$tree" && "$pc" -- "${argv[@]}" >/dev/null 2>&1)

for k in "${KINDS[@]}"; do : >"$tmp/r-$k"; : >"$tmp/c-$k"; done
: >"$tmp/mb"
for json in "$CORPUS"/cmdlines/*.json; do
	flat=$(basename "$json" .json)
	[ -z "${FILES:-}" ] || [[ " $FILES " == *" $flat "* ]] || continue
	func=$(first_func "$flat")
	[ -n "$func" ] || continue
	obj=$CORPUS/objects/$flat.o
	argv_of "$json" >"$tmp/argv"
	mapfile -d '' argv <"$tmp/argv"
	declare -A wall=() cpu=() kb=() rcs=()
	for ((i = 0; i < RUNS; i++)); do
		for k in "${KINDS[@]}"; do
			read -r w c m rc < <(run_kind "$k" "$func" "$obj")
			wall[$k]=$(min "$w" "${wall[$k]:-}")
			cpu[$k]=$(min "$c" "${cpu[$k]:-}")
			[ "${kb[$k]:-0}" -ge "$m" ] || kb[$k]=$m
			[ "$rc" = 0 ] || rcs[$k]=$rc
		done
	done
	calls=$(count_calls "$func" "$obj")
	row="| $flat | $func | ${wall[parse]}"
	for k in default target hooks server; do
		r=$(ratio "${wall[$k]}" "${wall[parse]}")
		row+=" | $r"
		[ "$k" = hooks ] && row+=" | $calls"
		echo "$r" >>"$tmp/r-$k"
	done
	for k in default target hooks server; do
		r=$(ratio "${cpu[$k]}" "${cpu[parse]}")
		row+=" | $r"
		echo "$r" >>"$tmp/c-$k"
	done
	max=0
	for k in "${KINDS[@]}"; do [ "${kb[$k]}" -le "$max" ] || max=${kb[$k]}; done
	echo $((max / 1024)) >>"$tmp/mb"
	row+=" | $((max / 1024)) |"
	[ ${#rcs[@]} -eq 0 ] || row+=" exit status: $(for k in "${!rcs[@]}"; do printf '%s=%s ' "$k" "${rcs[$k]}"; done)"
	echo "$row"
	unset wall cpu kb rcs
done
med() { median <"$tmp/$1"; }
printf '| **median** | | | %s | %s | %s | | %s | %s | %s | %s | %s | %s |\n' \
	"$(med r-default)" "$(med r-target)" "$(med r-hooks)" "$(med r-server)" \
	"$(med c-default)" "$(med c-target)" "$(med c-hooks)" "$(med c-server)" "$(med mb)"
hmax=$(sort -g "$tmp/r-hooks" | tail -n1)
hcmax=$(sort -g "$tmp/c-hooks" | tail -n1)
maxmb=$(sort -g "$tmp/mb" | tail -n1)
cat <<EOF

Targets (wall / cpu ratio medians): target $(med r-target) / $(med c-target) (<= 1.15:
$(verdict "$(med r-target)" 1.15) / $(verdict "$(med c-target)" 1.15)); hooks $(med r-hooks) / $(med c-hooks) (<= 1.35:
$(verdict "$(med r-hooks)" 1.35) / $(verdict "$(med c-hooks)" 1.35)), largest $hmax / $hcmax (<= 2: $(verdict "$hmax" 2) / $(verdict "$hcmax" 2));
server $(med r-server) / $(med c-server) (<= 1.2: $(verdict "$(med r-server)" 1.2) / $(verdict "$(med c-server)" 1.2));
largest peak RSS $maxmb MB (< 200 MB: $(verdict "$maxmb" 199)).

Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg).
EOF
