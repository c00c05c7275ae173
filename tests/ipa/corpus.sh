#!/bin/sh
# The kernel corpus dumps: "TOOL ipa-clones" on the symbols listed in
# corpus/cases.txt must print corpus/DUMP.expected.
#   corpus.sh TOOL
# CORPUS defaults to ~/.cache/klp-ccp-corpus; exit 77 (skip) without it.

tool=$1
here=$(cd "$(dirname "$0")" && pwd)
corpus=${CORPUS:-$HOME/.cache/klp-ccp-corpus}
if [ ! -d "$corpus/ipa-clones" ]; then
	echo "SKIP: no IPA clones dumps in $corpus"
	exit 77
fi
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
failed=0
grep -v '^#' "$here/corpus/cases.txt" | while read -r dump symbols; do
	[ -n "$dump" ] || continue
	set --
	for s in $symbols; do
		set -- "$@" "--symbol=$s"
	done
	if ! "$tool" ipa-clones "$@" "$corpus/ipa-clones/$dump.c.000i.ipa-clones" >"$tmp"; then
		echo "FAIL: $dump: exit status not 0"
		exit 1
	fi
	if ! diff -u "$here/corpus/$dump.expected" "$tmp"; then
		echo "FAIL: $dump"
		exit 1
	fi
	echo "ok: $dump: $symbols"
done
