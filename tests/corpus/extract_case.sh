#!/usr/bin/env bash
# Extract patched functions from one kernel corpus file with the built-in
# default policy, compile lp.c with the original GCC command line from the
# tree root, and check what the object defines.
# Usage: extract_case.sh FLAT FUNC[,FUNC...] [BASELINE-LINES]   (exit 77: corpus missing)
# With BASELINE-LINES, lp.c may not grow more than 10% (+5 lines) beyond it:
# the minimality table in extract_cases.txt shows regressions.
set -u
flat=$1 funcs=$2 baseline=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
KLP_CCP=${KLP_CCP:?}
CORPUS=${CORPUS:-$HOME/.cache/klp-ccp-corpus}
json=$CORPUS/cmdlines/$flat.json
[ -f "$json" ] && [ -d "$CORPUS/linux" ] || { echo "SKIP: no corpus at $CORPUS"; exit 77; }

work=$(mktemp -d "${TMPDIR:-/tmp}/klp-corpus-$flat.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL $flat [$funcs]: $*"; exit 1; }

mapfile -t argv < <(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))))' "$json")
# The lp.c compile: same argv, input and output replaced, no dependency file.
lp_argv=()
for ((i = 0; i < ${#argv[@]}; i++)); do
	a=${argv[i]}
	case $a in
	-Wp,-MMD,*|-Wp,-MD,*) continue ;;
	-o) lp_argv+=(-o "$work/lp.o"); i=$((i + 1)); continue ;;
	esac
	[ $i -eq $((${#argv[@]} - 1)) ] && a=$work/lp.c
	lp_argv+=("$a")
done

cd "$CORPUS/linux" || exit 1
start=$(date +%s.%N)
"$KLP_CCP" -o "$work/lp.c" --patched-functions="$funcs" -- "${argv[@]}" 2>"$work/err" ||
	fail "klp-ccp failed: $(head -3 "$work/err")"
end=$(date +%s.%N)
"${lp_argv[@]}" 2>"$work/cc.err" || fail "lp.c does not compile: $(grep -m3 error "$work/cc.err")"

syms=$(nm "$work/lp.o")
IFS=, read -r -a fns <<<"$funcs"
for f in "${fns[@]}"; do
	grep -Eq "^[0-9a-f]+ T klpp_$f\$" <<<"$syms" || fail "lp.o does not define klpp_$f globally"
	grep -Eq " T $f\$" <<<"$syms" && fail "lp.o still defines the original $f globally"
	grep -q "#line [0-9]* \"${argv[-1]}\"" "$work/lp.c" || fail "no #line for ${argv[-1]}"
done
# Optional columns after the line count: undefined=SYM,... (lp.o references
# them: e.g. externalized state that a copied macro invocation defines) and
# absent=SYM,... (lp.o neither defines nor references them: e.g. a syscall
# stub nothing needs).
checks=$(awk -v f="$flat" -v p="$funcs" '$1 == f && $2 == p {
	for (i = 4; i <= NF; i++) print $i }' "$here/extract_cases.txt")
for c in $checks; do
	IFS=, read -r -a list <<<"${c#*=}"
	for s in "${list[@]}"; do
		case $c in
		undefined=*)
			grep -Eq "^ +U $s\$" <<<"$syms" ||
				fail "lp.o should reference $s as undefined (externalized), nm: $(grep -E " $s\$" <<<"$syms")" ;;
		absent=*)
			! grep -Eq " $s\$" <<<"$syms" ||
				fail "lp.o should not have $s, nm: $(grep -E " $s\$" <<<"$syms")" ;;
		esac
	done
done
lines=$(wc -l <"$work/lp.c")
if [ -n "$baseline" ] && [ "$lines" -gt $((baseline * 11 / 10 + 5)) ]; then
	fail "lp.c has $lines lines, the table says $baseline (more than 10% growth)"
fi
printf 'PASS %s [%s]: %d lines, %.2fs\n' "$flat" "$funcs" "$(wc -l <"$work/lp.c")" \
	"$(echo "$end - $start" | bc)"
