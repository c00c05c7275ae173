#!/bin/sh
# Print a job list for the kernel corpus: one job per case of
# tests/corpus/extract_cases.txt, with the corpus object as --target-object.
#
# Usage: corpus-jobs.sh [OUTROOT] > jobs.txt    (default OUTROOT: out)
# Environment: CORPUS (default ~/.cache/klp-ccp-corpus).
root=$(cd "$(dirname "$0")/../.." && pwd)
corpus=${CORPUS:-$HOME/.cache/klp-ccp-corpus}
out=${1:-out}
echo "# OUTDIR FUNCTIONS DIR [KLP-CCP-OPTION...] -- COMMAND ($corpus)"
grep -v '^#' "$root/tests/corpus/extract_cases.txt" | awk -v c="$corpus" -v o="$out" '
	NF >= 2 {
		n[$1]++
		printf "%s/%s-%d %s %s/linux --target-object=%s/objects/%s.o -- %s/cmdlines/%s.json\n",
		       o, $1, n[$1], $2, c, c, $1, c, $1
	}'
