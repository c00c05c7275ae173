#!/bin/bash
# A header's static inline function with a static variable: lp.c #includes
# the header, whose copy of the function would count in a fresh instance.
# With --target-object the function is copied under a new name and its
# state bound to the running unit's symbol (counter.N), also when reached
# through another header inline; read-only state and a macro body's flag
# (WARN_ONCE) stay private. A header's writable file-scope static the patched
# function uses keeps the header out of lp.c (an #include would make its own
# instance; warned): what is needed from it is copied, the static externalized.
# Linked against the original object (its locals made global, as the
# livepatch's relocations would bind them), the patched function goes on
# counting where the original's caller left off. Without facts the same
# holds: the original compiled with its command line names counter.N.
set -u
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
CC=${CC:-gcc}
command -v "$CC" >/dev/null || { echo "SKIP: no $CC"; exit 77; }
workdir
cd "$WORK" || exit 1
cp "$HERE"/header_state/* .
$CC -O2 -g -c unit.c -o unit.o || exit 1
counter=$(nm unit.o | awk '$3 ~ /^counter\./ { print $3 }')
ok
[ -n "$counter" ] || { fail "gcc made no counter.N in unit.o"; exit 1; }

extract() {	# OUT ARGS...
	local out=$1
	shift
	"$KLP_CCP" -o "$out" --patched-functions=pf "$@" -- $CC -O2 -c unit.c \
		2>"$out.err" || { fail "extraction $*: $(head -n 3 "$out.err")"; return 1; }
	$CC -O2 -c "$out" -o "$out.o" 2>"$out.gcc" || fail "$out does not compile: $(head -n 3 "$out.gcc")"
}

ok
extract facts.c --target-object=unit.o || exit 1
ok
nm -u facts.c.o | grep -qx " *U $counter" ||
	fail "facts.c: next_id's counter is not bound to the target's $counter: $(nm facts.c.o | tr '\n' ' ')"
ok
nm facts.c.o | grep -E ' [bBdD] counter' && fail "facts.c: lp.c has a counter of its own"
for f in next_id two_ids; do
	ok
	grep -qE "^static inline int [a-z_]*$f\(void\)" facts.c &&
		! sed 's|/\*.*\*/||' facts.c | grep -qE "\b$f\(" ||
		fail "facts.c: $f not copied under a new name (its callers must call the copy)"
done
for f in table_at warn_once; do
	ok
	grep -qE "int klpr_$f\(" facts.c && fail "facts.c: $f renamed (its state needs no binding)"
done
ok
nm -u facts.c.o | grep -qE ' (table|__done)' && fail "facts.c: read-only or macro state bound: $(nm -u facts.c.o | tr '\n' ' ')"

ok
grep -q "state.h:[0-9]*:[0-9]*: warning: 'hits' is a writable static of a header, and the running unit keeps state in it" facts.c.err ||
	fail "no warning about the header's object hits: $(cat facts.c.err)"
ok
nm -u facts.c.o | grep -qx ' *U hits' || fail "facts.c: hits is not the running unit's"

# Behaviour: the original's caller counts to 1, the livepatch goes on at 2.
objcopy --globalize-symbol="$counter" --globalize-symbol=hits unit.o unit_g.o
cat >main.c <<-'C'
	int take_id(void);
	int klpp_pf(int x);
	int main(void)
	{
		int first = take_id();
		int got = klpp_pf(0);	/* (2 * 10 + 3) + 3 + 0 */
		return !(first == 1 && got == 26);
	}
C
ok
if $CC -O2 main.c facts.c.o unit_g.o -o main 2>link.err; then
	./main || fail "the livepatched function does not share next_id's counter with the running code"
else
	fail "facts.c.o does not link against the original: $(head -n 3 link.err)"
fi

# Without facts: the same binding, from the original compiled.
ok
extract plain.c
ok
nm -u plain.c.o | grep -qx " *U $counter" || fail "plain.c: counter not bound to $counter without facts"
ok
nm -u plain.c.o | grep -qx ' *U hits' || fail "plain.c: hits is not the running unit's"

echo "header_state: $CHECKS checks, $FAILED failed"
[ "$FAILED" -eq 0 ]
