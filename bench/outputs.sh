#!/usr/bin/env bash
# Writes every output of the bench's extractions into OUTDIR, for comparing
# two builds (a speed change must keep them byte-identical): per corpus
# file, lp.c and the standard error (timing lines dropped) of the default,
# --target-object, per-question hooks and --pol-server runs of bench/run.sh.
#
# Usage: bench/outputs.sh BUILD_DIR OUTDIR; then diff -r OUTDIR1 OUTDIR2.
# Environment: CORPUS, FILES (as run.sh; default all 24), KINDS (default
# "default target hooks server").
set -u
[ $# -eq 2 ] || { echo "usage: bench/outputs.sh BUILD_DIR OUTDIR" >&2; exit 2; }
out=$2
. "$(dirname "$0")/common.sh"
FILES=${FILES:-$(cd "$CORPUS/cmdlines" && ls ./*.json | sed 's|^\./||; s|\.json$||')}
mkdir -p "$out" || exit 1
out=$(cd "$out" && pwd)
for flat in $FILES; do
	func=$(first_func "$flat")
	[ -n "$func" ] || continue
	mapfile -d '' argv < <(argv_of "$CORPUS/cmdlines/$flat.json")
	obj=$CORPUS/objects/$flat.o
	for kind in ${KINDS:-default target hooks server}; do
		ex=("$klp" -o "$out/$flat.$kind.lp.c" --patched-functions="$func")
		case $kind in
		target) ex+=(--target-object="$obj") ;;
		hooks) ex+=(--target-object="$obj" "${hooks[@]}") ;;
		server) ex+=(--target-object="$obj" --pol-server="$K/server") ;;
		esac
		(cd "$tree" && "${ex[@]}" -- "${argv[@]}" 2>"$out/$flat.$kind.err" >/dev/null)
		echo "exit $?" >>"$out/$flat.$kind.err"
	done
done
