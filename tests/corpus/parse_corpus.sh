#!/bin/sh
# Parse every kernel corpus file with parse_check; each must give 0 errors.
#   parse_corpus.sh PARSE_CHECK
# CORPUS (default ~/.cache/klp-ccp-corpus) holds linux/ and cmdlines/*.json
# (the GCC argv of each object, run from linux/). Exit 77 (skip) without it.

pc=$1
corpus=${CORPUS:-$HOME/.cache/klp-ccp-corpus}

if [ -z "$pc" ] || [ ! -x "$pc" ]; then
	echo "usage: $0 PARSE_CHECK" >&2
	exit 2
fi
case $pc in
/*) ;;
*) pc=$(pwd)/$pc ;;
esac
if [ ! -d "$corpus/linux" ] || ! ls "$corpus"/cmdlines/*.json >/dev/null 2>&1; then
	echo "SKIP: no kernel corpus in $corpus"
	exit 77
fi
if ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP: python3 is needed to read $corpus/cmdlines/*.json"
	exit 77
fi

# Run parse_check -- <the argv in the JSON file $1>.
run_check() {
	python3 -c 'import json, os, sys
os.execv(sys.argv[1], [sys.argv[1], "--time", "--"] + json.load(open(sys.argv[2])))' "$pc" "$1"
}

total=0
failed=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for json in "$corpus"/cmdlines/*.json; do
	name=$(basename "$json" .json)
	total=$((total + 1))
	(cd "$corpus/linux" && run_check "$json") >"$out" 2>&1
	rc=$?
	errors=$(sed -n 's/^errors: //p' "$out")
	cost=$(sed -n 's/^time: //p' "$out")
	if [ "$rc" -eq 0 ] && [ "$errors" = 0 ]; then
		echo "ok   $name: 0 errors, $cost"
	else
		failed=$((failed + 1))
		echo "FAIL $name: ${errors:-no} errors (exit $rc), $cost"
		head -n 20 "$out" | sed 's/^/     /'
	fi
done
echo "parse_corpus: $((total - failed))/$total files parsed with 0 errors"
[ "$failed" -eq 0 ]
