#!/usr/bin/env bash
# klp-ccp benchmark on the kernel corpus: per corpus file, wall time and peak
# RSS of
#   (a) libclang parsing alone with klp-ccp's arguments (parse_check),
#   (b) a full extraction of one function with the built-in default policy,
#   (c) the same extraction with the kernel policy hooks (policies/kernel,
#       one sh process per distinct question),
# then medians, and a 10-function extraction from kernel/sched/core.c.
# Prints a Markdown report (machine description first) on stdout.
#
# Usage: bench/run.sh [BUILD_DIR]   (default: build; needs klp-ccp and
#        tests/parse_check built there). Environment: CORPUS; RUNS (default
#        3): parse and extract times are the fastest of RUNS runs, hooks
#        runs are single.
# Targets: extract within 1.3x of parse (median of the per-file ratios),
# extract median < 1 s, peak RSS < 250 MB. Run on an otherwise idle machine.
set -u
RUNS=${RUNS:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd) || exit 1
klp=$build/klp-ccp
pc=$build/tests/parse_check
CORPUS=${CORPUS:-$HOME/.cache/klp-ccp-corpus}
tree=$CORPUS/linux
K=$root/policies/kernel
for f in "$klp" "$pc" /usr/bin/time; do
	[ -x "$f" ] || { echo "bench: $f not found (build klp-ccp and parse_check first)" >&2; exit 1; }
done
[ -d "$tree" ] || { echo "bench: no kernel corpus in $CORPUS" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/klp-ccp-bench.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
hooks=(-H "$K/may-include-header" -F "$K/can-externalize-fun"
	-S "$K/shall-externalize-fun" -O "$K/shall-externalize-obj"
	-E "$K/modify-externalized-sym" -P "$K/modify-patched-fun-sym"
	-R "$K/rename-rewritten-fun")

# measure1 OUT CMD...: run CMD from the tree root under /usr/bin/time -v;
# prints "SECONDS KB STATUS".
measure1() {
	local out=$1
	shift
	(cd "$tree" && /usr/bin/time -v -o "$out.time" "$@" >"$out.log" 2>&1)
	local rc=$?
	local wall kb
	wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$out.time" |
		awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }')
	kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out.time")
	echo "${wall:-?} ${kb:-0} $rc"
}

# measure OUT CMD...: the fastest of $RUNS runs (other load only ever adds
# time), the largest peak RSS, the last exit status.
measure() {
	local best= kb=0 rc=0 s k i
	for ((i = 0; i < RUNS; i++)); do
		read -r s k rc < <(measure1 "$@")
		if [ -z "$best" ] || awk -v a="$s" -v b="$best" 'BEGIN { exit !(a < b) }'; then
			best=$s
		fi
		[ "$k" -gt "$kb" ] && kb=$k
	done
	echo "$best $kb $rc"
}

# ratio A B: A / B with two decimals.
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "?" }'
}

# verdict VALUE LIMIT: "met" when VALUE <= LIMIT.
verdict() {
	awk -v v="$1" -v l="$2" 'BEGIN { print (v != "?" && v + 0 <= l + 0) ? "met" : "NOT met" }'
}

argv_of() {
	python3 -c 'import json, sys; sys.stdout.write("\0".join(json.load(open(sys.argv[1]))))' "$1"
}

# The first function of each file's first case in tests/kernel/cases.txt.
first_func() {
	awk -v f="$1" '$1 == f { split($2, a, ","); print a[1]; exit }' "$root/tests/kernel/cases.txt"
}

median() {
	sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "?"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

cat <<EOF
# klp-ccp benchmark, $(date -u +%Y-%m-%d)

Machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'),
$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) memory, $(uname -sr).
klp-ccp $("$klp" --version 2>/dev/null | head -n1 | sed 's/^klp-ccp //'), libclang
$(ldd "$klp" | awk '/libclang/ { print $3; exit }'),
$(gcc --version | head -n1). Corpus: Linux $(sed -n 's/.*"kernel": "\(.*\)".*/\1/p' "$CORPUS/manifest.json" 2>/dev/null).
Load average at start: $(cut -d' ' -f1-3 /proc/loadavg). Parse and extract: fastest of
$RUNS runs; hooks: single runs; warm prelude cache; from \`bench/run.sh\`.

(a) parse: \`parse_check -- ARGV\` (libclang parse with klp-ccp's arguments).
(b) extract: \`klp-ccp --patched-functions=F\` with the built-in defaults;
    ratio: extract s / parse s.
(c) extract+hooks: the same with the kernel policy hooks (\`policies/kernel\`).

| file | function | parse s | parse MB | extract s | extract MB | ratio | extract+hooks s | hooks MB |
|---|---|---:|---:|---:|---:|---:|---:|---:|
EOF

# Warm the prelude cache once.
argv_of "$CORPUS/cmdlines/kernel_fork.json" >"$tmp/argv"
mapfile -d '' argv <"$tmp/argv"
(cd "$tree" && "$pc" -- "${argv[@]}" >/dev/null 2>&1)

: >"$tmp/pa" ; : >"$tmp/pm"; : >"$tmp/ea"; : >"$tmp/em"; : >"$tmp/ha"; : >"$tmp/hm"
: >"$tmp/ra"
for json in "$CORPUS"/cmdlines/*.json; do
	flat=$(basename "$json" .json)
	func=$(first_func "$flat")
	[ -n "$func" ] || continue
	argv_of "$json" >"$tmp/argv"
	mapfile -d '' argv <"$tmp/argv"
	read -r ps pk prc < <(measure "$tmp/p" "$pc" -- "${argv[@]}")
	read -r es ek erc < <(measure "$tmp/e" "$klp" -o "$tmp/lp.c" --patched-functions="$func" \
		--target-object="$CORPUS/objects/$flat.o" -- "${argv[@]}")
	read -r hs hk hrc < <(RUNS=1 measure "$tmp/h" "$klp" -o "$tmp/lp.c" \
		--patched-functions="$func" --target-object="$CORPUS/objects/$flat.o" \
		"${hooks[@]}" -- "${argv[@]}")
	note=
	[ "$prc$erc$hrc" = 000 ] || note=" (exit status $prc/$erc/$hrc)"
	r=$(ratio "$es" "$ps")
	printf '| %s | %s | %s | %d | %s | %d | %s | %s | %d |%s\n' "$flat" "$func" "$ps" \
		$((pk / 1024)) "$es" $((ek / 1024)) "$r" "$hs" $((hk / 1024)) "$note"
	echo "$ps" >>"$tmp/pa"; echo $((pk / 1024)) >>"$tmp/pm"
	echo "$es" >>"$tmp/ea"; echo $((ek / 1024)) >>"$tmp/em"; echo "$r" >>"$tmp/ra"
	echo "$hs" >>"$tmp/ha"; echo $((hk / 1024)) >>"$tmp/hm"
done
printf '| **median** | | %s | %s | %s | %s | %s | %s | %s |\n' "$(median <"$tmp/pa")" \
	"$(median <"$tmp/pm")" "$(median <"$tmp/ea")" "$(median <"$tmp/em")" \
	"$(median <"$tmp/ra")" "$(median <"$tmp/ha")" "$(median <"$tmp/hm")"
rmed=$(median <"$tmp/ra") emed=$(median <"$tmp/ea")
maxmb=$(sort -g "$tmp/em" "$tmp/hm" | tail -n1)
cat <<EOF

Targets: extract/parse ratio median $rmed (<= 1.3: $(verdict "$rmed" 1.3)); extract median
$emed s (< 1 s: $(verdict "$emed" 0.99)); largest peak RSS $maxmb MB (< 250 MB: $(verdict "$maxmb" 249)).
EOF

ten=wake_up_process,try_to_wake_up,set_user_nice,sched_setaffinity,sched_getaffinity,resched_curr,check_preempt_curr,activate_task,scheduler_tick,sched_fork
argv_of "$CORPUS/cmdlines/kernel_sched_core.json" >"$tmp/argv"
mapfile -d '' argv <"$tmp/argv"
read -r ts tk trc < <(measure "$tmp/t" "$klp" -o "$tmp/lp.c" --patched-functions="$ten" \
	--target-object="$CORPUS/objects/kernel_sched_core.o" -- "${argv[@]}")
read -r us uk urc < <(RUNS=1 measure "$tmp/u" "$klp" -o "$tmp/lp.c" --patched-functions="$ten" \
	--target-object="$CORPUS/objects/kernel_sched_core.o" "${hooks[@]}" -- "${argv[@]}")
cat <<EOF

10 functions from kernel/sched/core.c ($ten):

| run | wall s | peak MB | exit |
|---|---:|---:|---:|
| built-in defaults | $ts | $((tk / 1024)) | $trc |
| kernel policy hooks | $us | $((uk / 1024)) | $urc |

Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg).
EOF
