#!/bin/bash
# A patched function with no ftrace call site in a target built with them
# (notrace: no __fentry__ call, no __mcount_loc entry) cannot be redirected
# by any livepatch: the extraction stops with an error naming it, whatever
# the policy, and writes nothing. A target without any call site (built
# without -pg, user space) tells nothing: no error. A linked image (vmlinux)
# lists its sites between __start_mcount_loc and __stop_mcount_loc, as the
# kernel's linker script gathers them: the same check holds there.
set -u
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
[ "$(uname -m)" = x86_64 ] || { echo "SKIP: -mfentry -mrecord-mcount is x86"; exit 77; }
command -v gcc >/dev/null || { echo "SKIP: no gcc"; exit 77; }
workdir
cd "$WORK" || exit 1
cat >unit.c <<'C'
int loud(int x) { return x * 3 + 1; }
__attribute__((no_instrument_function)) int quiet(int x) { return loud(x) + 2; }
C
FTRACE=(-O2 -g -pg -mfentry -mrecord-mcount)
gcc "${FTRACE[@]}" -c unit.c -o traced.o || exit 1
gcc -O2 -g -c unit.c -o plain.o || exit 1
readelf -S traced.o | grep -q __mcount_loc || { echo "SKIP: no __mcount_loc from gcc"; exit 77; }

expect_refused() {	# TARGET OBJECT-NAME-RE: quiet is refused, naming it; no lp.c
	ok
	rm -f lp.c
	"$KLP_CCP" -o lp.c --patched-functions=quiet --target-object="$1" -- \
		gcc "${FTRACE[@]}" -c unit.c >out 2>err
	rc=$?
	[ $rc -eq 1 ] || fail "notrace quiet in $1: exit $rc, expected 1"
	grep -qE "^unit\.c:2:[0-9]+: error: patched function 'quiet' has no ftrace call site in $2 \(notrace" err ||
		{ fail "notrace quiet in $1: no error naming it:"; sed 's/^/    /' err; }
	[ -e lp.c ] && fail "notrace quiet in $1: lp.c written"
}
expect_refused traced.o '[^ ]+'

# A linked image as vmlinux is: absolute addresses, the kernel's bracket symbols.
cat >fentry.c <<'C'
void __fentry__(void) { }
int main(void) { return 0; }
C
cat >mcount.ld <<'LD'
SECTIONS {
	.init.data : { __start_mcount_loc = .; KEEP(*(__mcount_loc)) __stop_mcount_loc = .; }
}
INSERT AFTER .data;
LD
gcc -O2 -no-pie -c fentry.c -o fentry.o || exit 1
gcc -no-pie traced.o fentry.o -Wl,-T,mcount.ld -o image || exit 1
gcc -no-pie traced.o fentry.o -o image-no-table || exit 1
nm image | grep -q ' __start_mcount_loc' || fail "image: no __start_mcount_loc"

expect_refused image image

for case in "loud traced.o" "quiet plain.o" "loud image" "quiet image-no-table"; do
	set -- $case
	ok
	rm -f lp.c
	"$KLP_CCP" -o lp.c --patched-functions="$1" --target-object="$2" -- \
		gcc "${FTRACE[@]}" -c unit.c >out 2>err ||
		{ fail "$1 with $2: failed:"; sed 's/^/    /' err; }
	[ -s lp.c ] || fail "$1 with $2: no lp.c"
done
echo "$CHECKS checks, $FAILED failed"
[ "$FAILED" -eq 0 ]
