#!/usr/bin/env bash
# Run every job of a klp-ccp job list, N at a time, with xargs -P.
#
# Usage: run.sh [-j N] JOBLIST
#
# Each job writes its own OUTDIR/lp.c, OUTDIR/report.yaml and OUTDIR/log
# (see klp-ccp-job for the job line format); a failing job does not stop the
# others. Prints one line per job as it ends, then a summary; exits 1 when a
# job failed.
set -u
here=$(cd "$(dirname "$0")" && pwd)
jobs=$(nproc 2>/dev/null || echo 2)
if [ "${1:-}" = -j ]; then
	jobs=$2
	shift 2
fi
[ $# -eq 1 ] || { echo "usage: run.sh [-j N] JOBLIST" >&2; exit 2; }
list=$1
[ -r "$list" ] || { echo "run.sh: cannot read $list" >&2; exit 2; }

results=$(mktemp) || exit 2
trap 'rm -f "$results"' EXIT
# One line per job to xargs; each klp-ccp-job prints its result in one write.
sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$list" |
	xargs -d '\n' -n 1 -P "$jobs" "$here/klp-ccp-job" | tee "$results"
total=$(grep -c '' "$results")
failed=$(grep -c '^FAILED' "$results")
echo "$total jobs, $failed failed"
[ "$failed" -eq 0 ]
