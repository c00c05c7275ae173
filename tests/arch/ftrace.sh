#!/bin/sh
# changed-functions warns about a changed function the original gives no
# ftrace call site (notrace: a livepatch cannot redirect it), with each
# architecture's call-site section: x86_64 __mcount_loc (-mrecord-mcount),
# s390x __mcount_loc (cross GCC, when installed); and not at all for objects
# built without ftrace. Usage: ftrace.sh KLP_CCP
set -u
klp=$1
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/klp-ccp-arch-ftrace.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
check() {	# NAME CC FLAGS...
	name=$1 cc=$2
	shift 2
	for v in orig patched; do
		$cc -O2 -ffunction-sections "$@" -c -o "$tmp/$v.o" "$here/ftrace/$v.c" ||
			fail "$name: cannot compile $v.c"
	done
	"$klp" changed-functions --format=text "$tmp/orig.o" "$tmp/patched.o" >"$tmp/out" 2>"$tmp/err" ||
		{ cat "$tmp/err"; fail "$name: changed-functions failed"; }
	grep -q '^changed traced ' "$tmp/out" && grep -q '^changed untraced ' "$tmp/out" ||
		{ cat "$tmp/out"; fail "$name: not both changed"; }
}
check x86_64 gcc -pg -mfentry -mrecord-mcount
grep -q 'warning: .*untraced has no ftrace call site' "$tmp/err" || { cat "$tmp/err"; fail "x86_64: no warning for untraced"; }
grep -q ' traced has no ftrace' "$tmp/err" && fail "x86_64: warning for traced"
check x86_64-no-ftrace gcc
[ ! -s "$tmp/err" ] || { cat "$tmp/err"; fail "warning without ftrace"; }
if command -v s390x-linux-gnu-gcc >/dev/null; then
	check s390x s390x-linux-gnu-gcc -pg -mrecord-mcount -mnop-mcount -mfentry
	grep -q 'warning: .*untraced has no ftrace call site' "$tmp/err" ||
		{ cat "$tmp/err"; fail "s390x: no warning for untraced"; }
	grep -q ' traced has no ftrace' "$tmp/err" && fail "s390x: warning for traced"
fi
echo ok
