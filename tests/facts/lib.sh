# Helpers of the tests/facts scripts (sourced).
#   KLP_CCP   the klp-ccp binary (default: <repo>/build/klp-ccp)
# Assertions on the YAML of "klp-ccp facts" (one document per name):
#   doc_lines FILE NAME               the document about NAME
#   expect FILE NAME 'key: value'     the document has that line
#   expect_list FILE NAME KEY [ITEM...]  KEY lists exactly ITEMs, in order
#   expect_clone FILE NAME SYMBOL KIND OF
# Exit status of the script: 0 pass, 1 fail (FAILED counts), 77 skip.

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
KLP_CCP=${KLP_CCP:-$REPO/build/klp-ccp}
FAILED=0
CHECKS=0

fail() {
	echo "FAIL: $*"
	FAILED=$((FAILED + 1))
}

ok() {
	CHECKS=$((CHECKS + 1))
}

workdir() {
	WORK=$(mktemp -d /tmp/klp-ccp-facts-XXXXXX)
	trap 'rm -rf "$WORK"' EXIT
}

# The document about NAME, as lines (the first document that names it).
doc_lines() {
	awk -v n="$2" '
		/^---/ { if (keep) exit; buf = ""; next }
		{ buf = buf $0 "\n"; if ($0 == "name: " n) keep = 1 }
		END { if (keep) printf "%s", buf }
	' "$1"
}

expect() {
	ok
	if ! doc_lines "$1" "$2" | grep -qxF -- "$3"; then
		fail "facts of $2: no line '$3' in:"
		doc_lines "$1" "$2" | sed 's/^/    /'
	fi
}

# The items of the list KEY (block "- x" lines or "[]"), one a line.
list_items() {
	doc_lines "$1" "$2" | awk -v k="$3:" '
		$1 == k && $2 == "[]" { exit }
		$0 == k { on = 1; next }
		on && /^- / { print substr($0, 3); next }
		on && /^  / { next }
		on { exit }
	'
}

expect_list() {
	local file=$1 name=$2 key=$3 got want
	shift 3
	ok
	got=$(list_items "$file" "$name" "$key")
	want=$(printf '%s\n' "$@")
	[ $# -eq 0 ] && want=""
	if [ "$got" != "$want" ]; then
		fail "facts of $name: $key is [$(echo $got)], want [$*]"
	fi
}

expect_clone() {
	ok
	if ! doc_lines "$1" "$2" | grep -A2 -xF -- "- symbol: $3" |
		tr '\n' '|' | grep -qF -- "- symbol: $3|  kind: $4|  of: $5|"; then
		fail "facts of $2: no clone $3 ($4 of $5) in:"
		doc_lines "$1" "$2" | sed 's/^/    /'
	fi
}

finish() {
	if [ "$FAILED" -ne 0 ]; then
		echo "$FAILED of $CHECKS checks failed"
		exit 1
	fi
	echo "all $CHECKS checks passed"
	exit 0
}
