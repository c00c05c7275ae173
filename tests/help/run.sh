#!/usr/bin/env bash
# Every subcommand of main.c's table ({ "NAME", NAME_main }) is listed in
# klp-ccp --help as "  klp-ccp NAME", and its own --help works.
# Usage: run.sh SRC/main.c
set -u
KLP_CCP=${KLP_CCP:?}
help=$("$KLP_CCP" --help) || { echo "FAIL: --help failed"; exit 1; }
subs=$(sed -n 's/^[[:space:]]*{ "\([a-z-]*\)", [a-z_]*_main },$/\1/p' "$1")
[ "$(echo "$subs" | grep -c .)" -ge 5 ] || { echo "FAIL: no subcommand table in $1"; exit 1; }
for s in $subs; do
	grep -q "^  klp-ccp $s " <<<"$help" || { echo "FAIL: --help does not list subcommand $s"; exit 1; }
	"$KLP_CCP" "$s" --help | grep -q "^Usage: klp-ccp $s" || { echo "FAIL: klp-ccp $s --help"; exit 1; }
done
echo "PASS help/subcommands"
