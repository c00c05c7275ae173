# Shared by bench/run.sh and bench/instr.sh (sourced, with the build
# directory as $1): paths, checks and the corpus helpers.
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd) || exit 1
klp=$build/klp-ccp
pc=$build/tests/parse_check
CORPUS=${CORPUS:-$HOME/.cache/klp-ccp-corpus}
tree=$CORPUS/linux
for f in "$klp" "$pc"; do
	[ -x "$f" ] || { echo "bench: $f not found (build klp-ccp and parse_check first)" >&2; exit 1; }
done
[ -d "$tree" ] || { echo "bench: no kernel corpus in $CORPUS" >&2; exit 1; }
# The seven per-question kernel policy hooks (every hook but is-patched).
K=$root/policies/kernel
hooks=(-H "$K/may-include-header" -F "$K/can-externalize-fun"
	-S "$K/shall-externalize-fun" -O "$K/shall-externalize-obj"
	-E "$K/modify-externalized-sym" -P "$K/modify-patched-fun-sym"
	-R "$K/rename-rewritten-fun")

# argv_of JSON: the compiler command line of a corpus file, NUL-separated.
argv_of() {
	python3 -c 'import json, sys; sys.stdout.write("\0".join(json.load(open(sys.argv[1]))))' "$1"
}

# The first function of each file's first case in tests/kernel/cases.txt.
first_func() {
	awk -v f="$1" '$1 == f { split($2, a, ","); print a[1]; exit }' "$root/tests/kernel/cases.txt"
}

# median [DIGITS]: of the numbers on standard input.
median() {
	sort -g | awk -v d="${1:-2}" '{ v[NR] = $1 } END { if (NR == 0) print "?"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.*f\n", d, (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
