#!/bin/bash
# A copied function calls a header's static inline that calls another one
# that calls a global function and uses a global object (api.h). lp.c keeps
# the #include, so its object references those symbols: the report must
# list them as plain externalizations (with the inline they come from), and
# every symbol lp.o references must be in the report. What only sizeof
# names is not referenced and not listed.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
KLP_CCP=${KLP_CCP:-$REPO/build/klp-ccp}
CC=${CC:-gcc}
command -v "$CC" >/dev/null || { echo "SKIP: no $CC"; exit 77; }
FAILED=0
fail() { echo "FAIL: $*"; FAILED=$((FAILED + 1)); }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/klp-ccp-hrefs-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
cp "$HERE/t.c" "$HERE/api.h" .
CFLAGS="-O2 -Wall"

"$KLP_CCP" -o lp.c --report=lp.yaml --patched-functions=f -- $CC $CFLAGS -c t.c 2>err ||
	{ cat err; echo "FAIL: extraction"; exit 1; }
$CC $CFLAGS -c lp.c -o lp.o || { echo "FAIL: lp.c does not compile"; exit 1; }
grep -q '#include "api.h"' lp.c || fail "lp.c does not include api.h"

# name -> "method linkage via" for each externalized symbol
python3 - lp.yaml >listed <<'PY' || fail "report unreadable"
import sys, yaml
r = yaml.safe_load(open(sys.argv[1]))
for x in r["externalized_symbols"]:
    print(x["name"], x["method"], x["linkage"], x.get("via") or "-")
PY
cat listed
grep -qx 'hidden_unlink plain external deep_unlink' listed || fail "hidden_unlink not listed"
grep -qx 'hidden_counter plain external deep_unlink' listed || fail "hidden_counter not listed"
grep -q '^hidden_direct plain external' listed || fail "hidden_direct not listed"
grep -q '^hidden_size_only ' listed && fail "hidden_size_only (sizeof only) listed"
[ "$(cut -d' ' -f1 listed | sort | uniq -d)" ] && fail "a symbol listed twice"
# the property: lp.o references nothing the report does not list
nm -u lp.o | awk '{print $2}' | sort -u >refs
for s in $(cat refs); do
	grep -q "^$s " listed || fail "lp.o references $s, which the report does not list"
done
grep -qx hidden_unlink refs || fail "lp.o does not reference hidden_unlink (test is vacuous)"

# with the target's facts: placed like any other (user space: the program)
$CC $CFLAGS -c t.c -o t.o
cat >lib.c <<'C'
int hidden_counter;
void hidden_unlink(int *p) { *p = 0; }
int hidden_size_only(void) { return 1; }
int hidden_direct(int x) { return x; }
int main(void) { return 0; }
C
$CC $CFLAGS t.c lib.c -o prog || { echo "FAIL: prog"; exit 1; }
"$KLP_CCP" -o lp2.c --report=lp2.yaml --patched-functions=f --target-object=prog \
	-- $CC $CFLAGS -c t.c 2>err || { cat err; echo "FAIL: extraction with facts"; exit 1; }
python3 - lp2.yaml >placed <<'PY' || fail "report unreadable"
import sys, yaml
r = yaml.safe_load(open(sys.argv[1]))
for x in r["externalized_symbols"]:
    print(x["name"], x["object"], x["sympos"])
PY
grep -qx 'hidden_unlink prog 0' placed || fail "hidden_unlink not placed: $(cat placed)"
[ $FAILED = 0 ] && echo PASS
exit $((FAILED > 0))
