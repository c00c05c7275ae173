#!/usr/bin/env bash
# Kernel binary-equivalence harness. For each case of cases.txt (FLAT FUNCS):
#  1. extract FUNCS from the corpus file with klp-ccp and the kernel policy
#     (policies/kernel, every hook but is-patched), with the corpus object as
#     --target-object;
#  2. klp-ccp verify with the extraction's report: compile lp.c with the
#     original argv (from the tree root, as kbuild ran it) and compare each
#     patched function with the corpus object's (bytes with relocated fields
#     masked, relocations by normalized target, .cold/.part parts, attached
#     __bug_table/__jump_table/... entries), with a class for a difference;
#     when verify fails, the plain compile of lp.c says whether lp.c compiles.
# One line per case, then a summary (per-class counts of the differences).
# Exit status: 1 when a case fails to extract or compile or the identity
# rate is below the threshold (tests/kernel/min-rate, or --min-rate), 77 when
# the corpus is absent. Identity rate: identical functions / functions.
#
# Usage: run.sh --klp-ccp BIN [--shard I/N] [--cases FILE]
#               [--min-rate PCT] [--keep DIR] [--policy kernel|defaults]
# --policy defaults extracts with the built-in defaults (no hooks, only
# --target-object) instead of policies/kernel; both must give the same
# choices from the same facts.
# --keep DIR (or KLP_CCP_KERNEL_KEEP=DIR) keeps the work directories of the
# cases that are not identical (lp.c, report, verify output), for investigation.
# Environment: CORPUS (default ~/.cache/klp-ccp-corpus).
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
klp=
shard=0/1
cases=$here/cases.txt
min_rate=
keep=${KLP_CCP_KERNEL_KEEP:-}
policy=kernel

while [ $# -gt 0 ]; do
	case $1 in
	--klp-ccp) klp=$2; shift 2 ;;
	--shard) shard=$2; shift 2 ;;
	--cases) cases=$2; shift 2 ;;
	--min-rate) min_rate=$2; shift 2 ;;
	--keep) keep=$2; shift 2 ;;
	--policy) policy=$2; shift 2 ;;
	*) echo "run.sh: unknown argument '$1'" >&2; exit 2 ;;
	esac
done
[ -n "$klp" ] || { echo "run.sh: --klp-ccp is required" >&2; exit 2; }
klp=$(cd "$(dirname "$klp")" && pwd)/$(basename "$klp")
[ -z "$keep" ] || { mkdir -p "$keep" && keep=$(cd "$keep" && pwd); }
# min-rate: "SHARD PCT" lines (e.g. "0/4 37"), "* PCT" for any other shard.
if [ -z "$min_rate" ] && [ -f "$here/min-rate" ]; then
	min_rate=$(awk -v s="$shard" '$1 == s { print $2; exit }' "$here/min-rate")
	[ -n "$min_rate" ] || min_rate=$(awk '$1 == "*" { print $2; exit }' "$here/min-rate")
fi
[ -n "$min_rate" ] || min_rate=0

CORPUS=${CORPUS:-$HOME/.cache/klp-ccp-corpus}
tree=$CORPUS/linux
if [ ! -d "$tree" ] || [ ! -d "$CORPUS/cmdlines" ] || [ ! -d "$CORPUS/objects" ]; then
	echo "SKIP: no kernel corpus in $CORPUS (run tests/run-all.sh or setup-kernel-corpus.sh)"
	exit 77
fi
for t in python3 gcc; do
	command -v $t >/dev/null || { echo "SKIP: $t not found"; exit 77; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/klp-ccp-kernel.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
K=$root/policies/kernel
hooks=(-H "$K/may-include-header" -F "$K/can-externalize-fun"
	-S "$K/shall-externalize-fun" -O "$K/shall-externalize-obj"
	-E "$K/modify-externalized-sym" -P "$K/modify-patched-fun-sym"
	-R "$K/rename-rewritten-fun")
case $policy in
kernel) ;;
defaults) hooks=() ;;
*) echo "run.sh: --policy must be kernel or defaults" >&2; exit 2 ;;
esac

# Cases of this shard: whole files go to one shard (as before, when the original
# once per file), balanced greedily by number of cases.
python3 - "$cases" "${shard%/*}" "${shard#*/}" >"$tmp/cases" <<'EOF' || exit 1
import sys
path, me, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
files, order = {}, []
for line in open(path):
    line = line.split("#", 1)[0].split()
    if len(line) != 2:
        continue
    if line[0] not in files:
        files[line[0]] = []
        order.append(line[0])
    files[line[0]].append(line[1])
load = [0] * n
for f in sorted(order, key=lambda f: -len(files[f]) * (2 if "sched" in f else 1)):
    s = load.index(min(load))
    load[s] += len(files[f]) * (2 if "sched" in f else 1)
    if s == me:
        for fn in files[f]:
            print(f, fn)
EOF

# run_argv FILE: run the NUL-separated argv in FILE from the tree root.
run_argv() {
	local -a a
	mapfile -d '' a <"$1"
	(cd "$tree" && "${a[@]}" </dev/null)
}

# fail_case D LINE WHY: report a failed case and keep its directory.
fail_case() {
	echo "FAIL $2 $3"
	failed=1
	[ -z "$keep" ] || cp -r "$1" "$keep/$flat-${funcs//,/+}"
}

# expected_notrace: the case's functions are in notrace.txt (no ftrace call
# site in the target: the extraction must refuse them, and does).
expected_notrace() {
	grep -q "^$flat[[:space:]]*$funcs\$" "$here/notrace.txt"
}

ncases=0 nextracted=0 ncompiled=0 nfuncs=0 nident=0 nline=0 failed=0
classes=
start=$(date +%s)
while read -r flat funcs; do
	ncases=$((ncases + 1))
	json=$CORPUS/cmdlines/$flat.json
	target=$CORPUS/objects/$flat.o
	d=$tmp/$ncases
	mkdir -p "$d"
	line="$flat $funcs:"
	python3 "$here/argv.py" orig "$json" >"$d/argv"
	mapfile -d '' argv <"$d/argv"
	if ! (cd "$tree" && "$klp" -o "$d/lp.c" --report="$d/report.yaml" --patched-functions="$funcs" \
		--target-object="$target" ${hooks[@]+"${hooks[@]}"} -- "${argv[@]}") \
		</dev/null >"$d/extract.log" 2>&1; then
		if expected_notrace && grep -q "has no ftrace call site" "$d/extract.log"; then
			echo "refused $line notrace, as notrace.txt expects"
			continue
		fi
		fail_case "$d" "$line" "extraction failed: $(grep -m1 error "$d/extract.log" || tail -n1 "$d/extract.log")"
		continue
	fi
	if expected_notrace; then
		fail_case "$d" "$line" "extracted, but notrace.txt expects the notrace refusal"
		continue
	fi
	nextracted=$((nextracted + 1))
	(cd "$tree" && "$klp" verify --target-object="$target" --report="$d/report.yaml") \
		</dev/null >"$d/verify" 2>&1
	rc=$?
	if [ $rc = 1 ]; then
		python3 "$here/argv.py" lp "$json" "$d/lp.c" "$d/lp.o" >"$d/argv.lp"
		if ! run_argv "$d/argv.lp" >"$d/compile.log" 2>&1; then
			fail_case "$d" "$line" "extracted, does not compile: $(grep -m1 'error' "$d/compile.log")"
			continue
		fi
		fail_case "$d" "$line" "extracted, compiles, verify failed: $(grep -m1 'error' "$d/verify")"
		continue
	fi
	ncompiled=$((ncompiled + 1))
	res="extracted, compiles"
	for f in ${funcs//,/ }; do
		r=$(grep -m1 "^$f: " "$d/verify" || echo "$f: not in verify's output: $(head -n1 "$d/verify")")
		nfuncs=$((nfuncs + 1))
		case $r in
		"$f: identical") nident=$((nident + 1)) ;;
		"$f: differs ("*)
			c=${r#"$f: differs ("}
			classes="$classes ${c%%)*}"
			case $c in line-only*) nline=$((nline + 1)) ;; esac
			;;
		esac
		res="$res | $r"
	done
	if [ $rc = 0 ]; then
		echo "ok   $line $res"
	else
		echo "diff $line $res"
		[ -z "$keep" ] || cp -r "$d" "$keep/$flat-${funcs//,/+}"
	fi
done <"$tmp/cases"


rate=0
[ $nfuncs = 0 ] || rate=$((100 * nident / nfuncs))
echo "summary shard $shard: $ncases cases, extracted $nextracted/$ncases," \
	"compiled $ncompiled/$ncases, functions identical $nident/$nfuncs ($rate%)," \
	"line-only $nline, $(($(date +%s) - start)) s (threshold $min_rate%)"
[ -z "$classes" ] || echo "differences by class:" $(printf '%s\n' $classes | sort | uniq -c |
	awk '{ printf "%s %s,", $2, $1 }' | sed 's/,$//')
[ $failed = 0 ] || exit 1
if [ $rate -lt "$min_rate" ]; then
	echo "FAIL: identity rate $rate% below $min_rate%"
	exit 1
fi
exit 0
