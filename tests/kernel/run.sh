#!/usr/bin/env bash
# Kernel binary-equivalence harness. For each case of cases.txt (FLAT FUNCS):
#  1. extract FUNCS from the corpus file with klp-ccp and the kernel policy
#     (policies/kernel, every hook but is-patched), with the corpus object as
#     --target-object;
#  2. compile lp.c with the original argv (input and -o replaced, -Wp,-MMD and
#     -fdump-ipa-clones dropped), from the tree root;
#  3. compile the original source and lp.c again with -ffunction-sections
#     -fdata-sections and compare each patched function f with klpp_f
#     (objcmp_tool: bytes with relocated fields masked, relocations by
#     normalized target, attached __bug_table/__jump_table/... entries).
# One line per case, then a summary. Exit status: 1 when a case fails to
# extract or compile or the identity rate is below the threshold
# (tests/kernel/min-rate, or --min-rate), 77 when the corpus is absent.
# Identity rate: identical functions (with their .cold parts) / functions.
#
# Usage: run.sh --klp-ccp BIN --objcmp BIN [--shard I/N] [--cases FILE]
#               [--min-rate PCT] [--keep DIR] [--policy kernel|defaults]
# --policy defaults extracts with the built-in defaults (no hooks, only
# --target-object) instead of policies/kernel; both must give the same
# choices from the same facts.
# --keep DIR (or KLP_CCP_KERNEL_KEEP=DIR) keeps the work directories of the
# cases that are not identical, and the original objects, for investigation.
# Environment: CORPUS (default ~/.cache/klp-ccp-corpus).
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
klp=
objcmp=
shard=0/1
cases=$here/cases.txt
min_rate=
keep=${KLP_CCP_KERNEL_KEEP:-}
policy=kernel

while [ $# -gt 0 ]; do
	case $1 in
	--klp-ccp) klp=$2; shift 2 ;;
	--objcmp) objcmp=$2; shift 2 ;;
	--shard) shard=$2; shift 2 ;;
	--cases) cases=$2; shift 2 ;;
	--min-rate) min_rate=$2; shift 2 ;;
	--keep) keep=$2; shift 2 ;;
	--policy) policy=$2; shift 2 ;;
	*) echo "run.sh: unknown argument '$1'" >&2; exit 2 ;;
	esac
done
[ -n "$klp" ] && [ -n "$objcmp" ] || { echo "run.sh: --klp-ccp and --objcmp are required" >&2; exit 2; }
klp=$(cd "$(dirname "$klp")" && pwd)/$(basename "$klp")
objcmp=$(cd "$(dirname "$objcmp")" && pwd)/$(basename "$objcmp")
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

# Cases of this shard: whole files go to one shard (the original is compiled
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

ncases=0 nextracted=0 ncompiled=0 nfuncs=0 nident=0 nline=0 failed=0
start=$(date +%s)
while read -r flat funcs; do
	ncases=$((ncases + 1))
	json=$CORPUS/cmdlines/$flat.json
	d=$tmp/$ncases
	mkdir -p "$d"
	orig=$tmp/$flat.orig.o
	if [ ! -e "$orig" ] && [ ! -e "$orig.failed" ]; then
		python3 "$here/argv.py" srcfs "$json" - "$orig" >"$tmp/$flat.srcfs"
		run_argv "$tmp/$flat.srcfs" >"$tmp/$flat.orig.log" 2>&1 || : >"$orig.failed"
	fi
	line="$flat $funcs:"
	python3 "$here/argv.py" orig "$json" >"$d/argv"
	mapfile -d '' argv <"$d/argv"
	if ! (cd "$tree" && "$klp" -o "$d/lp.c" --patched-functions="$funcs" \
		--target-object="$CORPUS/objects/$flat.o" ${hooks[@]+"${hooks[@]}"} -- "${argv[@]}") \
		</dev/null >"$d/extract.log" 2>&1; then
		echo "FAIL $line extraction failed: $(grep -m1 error "$d/extract.log" || tail -n1 "$d/extract.log")"
		failed=1
		[ -z "$keep" ] || cp -r "$d" "$keep/$flat-${funcs//,/+}"
		continue
	fi
	nextracted=$((nextracted + 1))
	python3 "$here/argv.py" lp "$json" "$d/lp.c" "$d/lp.o" >"$d/argv.lp"
	python3 "$here/argv.py" lpfs "$json" "$d/lp.c" "$d/lp.fs.o" >"$d/argv.lpfs"
	if ! run_argv "$d/argv.lp" >"$d/compile.log" 2>&1 ||
	   ! run_argv "$d/argv.lpfs" >>"$d/compile.log" 2>&1; then
		echo "FAIL $line extracted, does not compile: $(grep -m1 'error' "$d/compile.log")"
		failed=1
		[ -z "$keep" ] || cp -r "$d" "$keep/$flat-${funcs//,/+}"
		continue
	fi
	ncompiled=$((ncompiled + 1))
	if [ -e "$orig.failed" ]; then
		echo "FAIL $line the original does not compile: $(grep -m1 error "$tmp/$flat.orig.log")"
		failed=1
		continue
	fi
	"$objcmp" "$orig" "$d/lp.fs.o" ${funcs//,/ } >"$d/cmp" 2>&1
	res="extracted, compiles"
	all=1
	for f in ${funcs//,/ }; do
		r=$(grep -m1 "^$f: " "$d/cmp" || echo "$f: comparison failed: $(head -n1 "$d/cmp")")
		nfuncs=$((nfuncs + 1))
		# .cold parts count with their function.
		cold=$(grep "^$f.cold: " "$d/cmp" | grep -v ': identical$')
		case $r in
		"$f: identical") [ -n "$cold" ] || nident=$((nident + 1)) ;;
		"$f: line-only"*) nline=$((nline + 1)) ;;
		esac
		case $r in "$f: identical") [ -n "$cold" ] && all=0 ;; *) all=0 ;; esac
		[ -z "$cold" ] || r="$r; $cold"
		res="$res | $r"
	done
	if [ $all = 1 ]; then
		echo "ok   $line $res"
	else
		echo "diff $line $res"
		[ -z "$keep" ] || cp -r "$d" "$keep/$flat-${funcs//,/+}"
	fi
done <"$tmp/cases"
[ -z "$keep" ] || cp "$tmp"/*.orig.o "$keep/" 2>/dev/null

rate=0
[ $nfuncs = 0 ] || rate=$((100 * nident / nfuncs))
echo "summary shard $shard: $ncases cases, extracted $nextracted/$ncases," \
	"compiled $ncompiled/$ncases, functions identical $nident/$nfuncs ($rate%)," \
	"line-only $nline, $(($(date +%s) - start)) s (threshold $min_rate%)"
[ $failed = 0 ] || exit 1
if [ $rate -lt "$min_rate" ]; then
	echo "FAIL: identity rate $rate% below $min_rate%"
	exit 1
fi
exit 0
