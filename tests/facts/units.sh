#!/bin/bash
# A linked target (a program, vmlinux) holds many units; a static of the
# extracted file is not the same-named static of another one. The DWARF facts
# come from the units compiled from the extracted source only: helper of a.c
# is inlined into fa, while b.c's own helper, inlined into fb, is another
# function. A source no unit names (a tree moved elsewhere): every unit, as
# before.
set -u
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
command -v gcc >/dev/null || { echo "SKIP: no gcc"; exit 77; }
workdir
cd "$WORK" || exit 1
cat >a.c <<'C'
static int helper(int x) { return x * 3; }
int fa(int x) { return helper(x) + 1; }
C
cat >b.c <<'C'
static int helper(int x) { return x * 5; }
int fb(int x) { return helper(x) - 1; }
C
cat >m.c <<'C'
int fa(int), fb(int);
int main(int c, char **v) { (void)v; return fa(c) + fb(c); }
C
gcc -O2 -g a.c b.c m.c -o prog || exit 1

inlined_into() {	# SOURCE-AS-NAMED: the callers the warning names
	rm -f lp.c
	"$KLP_CCP" -o lp.c --patched-functions=helper --target-object=prog -- \
		gcc -O2 -c "$1" 2>err || { fail "extraction of $1: $(cat err)"; return; }
	sed -n "s/.*patched function 'helper' is inlined into \(.*\) in prog: .*/\1/p" err
}

ok
got=$(inlined_into a.c)
[ "$got" = fa ] || fail "helper of a.c: inlined into '$got', expected 'fa' (b.c's helper is another function)"

ok
got=$(inlined_into ./a.c)
[ "$got" = fa ] || fail "helper of ./a.c: inlined into '$got', expected 'fa'"

# a.c under another name: no unit of prog was compiled from it
mkdir moved && cp a.c moved/other.c
ok
got=$(inlined_into moved/other.c)
[ "$got" = "fa, fb" ] || fail "helper of a source no unit names: inlined into '$got', expected 'fa, fb'"
echo "$CHECKS checks, $FAILED failed"
[ "$FAILED" -eq 0 ]
