#!/usr/bin/env bash
# Extraction with --ipa-clones: dumps made here with gcc -O2 -fdump-ipa-clones.
# Usage: run.sh CASE   (inlined | no-extend | survives | corpus)
set -u
KLP_CCP=${KLP_CCP:?}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/klp-ipa.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL ipa-extract/$case: $*"; [ -f "$work/lp.c" ] && cat -n "$work/lp.c"; cat "$work/err" 2>/dev/null; exit 1; }
case=$1
cd "$work" || exit 1

dump() {	# dump SRC: compile with the dump, in the work dir
	cp "$here/$1" . && gcc -O2 -fdump-ipa-clones -c "$1" || fail "gcc failed"
}

defines() { nm lp.o | grep -Eq " $2 $1\$" || fail "lp.o does not define $1 ($2)"; }
lacks() { nm lp.o | grep -Eq " [TtDdBb] $1\$" && fail "lp.o defines $1"; return 0; }

extract() {	# extract SRC ARGS...
	local src=$1; shift
	"$KLP_CCP" -o lp.c --report=r.yaml "$@" -- gcc -O2 -c "$src" 2>err || fail "klp-ccp failed"
	gcc -O2 -Wall -c lp.c -o lp.o 2>>err || fail "lp.c does not compile"
}

case $case in
inlined)	# helper inlined into both callers and removed: callers patched, helper copied
	dump inlined.c
	extract inlined.c --patched-functions=helper --ipa-clones=inlined.c.000i.ipa-clones
	defines klpp_caller_a T; defines klpp_caller_b T
	grep -q "^static int helper(int x)" lp.c || fail "helper is not copied"
	lacks klpp_helper; lacks unrelated; lacks klpp_unrelated
	grep -q "added_by: ipa-clones" r.yaml || fail "report lacks added_by: ipa-clones"
	grep -q "'caller_a' contains code of patched 'helper'" err || fail "no note naming caller_a"
	grep -q "no body of its own" err || fail "no note about helper's removed body"
	;;
no-extend)	# --no-ipa-extend: only warnings
	dump inlined.c
	extract inlined.c --patched-functions=helper --ipa-clones=. --no-ipa-extend
	lacks klpp_caller_a; lacks klpp_caller_b; defines klpp_helper T
	grep -q "warning: not patching 'caller_a'" err || fail "no warning about caller_a"
	;;
survives)	# the helper keeps its body (address taken) and is inlined into one caller
	dump survives.c
	extract survives.c --patched-functions=helper --ipa-clones=survives.c.000i.ipa-clones
	defines klpp_helper T; defines klpp_caller T
	lacks klpp_other
	;;
*)
	fail "unknown case"
	;;
esac
echo "PASS ipa-extract/$case"
