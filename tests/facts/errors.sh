#!/bin/bash
# klp-ccp facts on bad input: every failure is one error line and exit
# status 1, never a crash (truncated, garbage and corrupted ELF files, files
# that are not ELF, missing files, bad Module.symvers, bad usage).
set -u
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
CC=${CC:-gcc}
command -v "$CC" >/dev/null || { echo "SKIP: no $CC"; exit 77; }
workdir
cd "$WORK" || exit 1
$CC -O2 -g -c "$HERE/inputs/clones.c" -o good.o || exit 1

# expect_error WHAT REGEX ARG...: exit 1, exactly one line on stderr matching
# "klp-ccp: error: .*REGEX", nothing on stdout.
expect_error() {
	local what=$1 re=$2 rc
	shift 2
	ok
	"$KLP_CCP" "$@" >out 2>err
	rc=$?
	if [ $rc -ne 1 ] || [ "$(wc -l <err)" -ne 1 ] || [ -s out ] ||
	   ! grep -qE "^klp-ccp: error: .*$re" err; then
		fail "$what: exit $rc, stderr:"
		sed 's/^/    /' err | head -5
	fi
}

head -c 3000 good.o >trunc.o
head -c 40 good.o >tiny.o
printf '\177ELF' >magic-only
printf 'not an object\n' >text.o
: >empty.o
head -c 4096 /dev/urandom >random.o
expect_error truncated "truncated or corrupt" facts --target-object=trunc.o f
# Cut inside the section header table (at the end of a .o): libelf then sees
# no sections, which must not read as "no symbol table".
for cut in 1 200; do
	head -c $(($(stat -c %s good.o) - cut)) good.o >cut.o
	expect_error "cut by $cut bytes" "'cut.o': truncated or corrupt" facts \
		--target-object=cut.o f
done
expect_error "truncated header" "'tiny.o': truncated ELF header" facts --target-object=tiny.o f
expect_error "ELF magic only" "truncated ELF header" facts --target-object=magic-only f
expect_error "text file" "'text.o' is not an ELF file" facts --target-object=text.o f
expect_error "empty file" "'empty.o' is not an ELF file" facts --target-object=empty.o f
expect_error "random bytes" "'random.o' is not an ELF file" facts --target-object=random.o f
expect_error "missing file" "cannot open target object 'nope.o'" facts --target-object=nope.o f
expect_error "directory" "target object '.' is not a regular file" facts --target-object=. f
strip -o stripped.o good.o
expect_error "no symbols" "no symbol table" facts --target-object=stripped.o f
printf 'garbage line\n' >bad.symvers
expect_error "bad symvers" "bad.symvers:1: malformed" facts --target-object=good.o \
	--symvers=bad.symvers f
expect_error "missing symvers" "cannot read 'nope.symvers'" facts --target-object=good.o \
	--symvers=nope.symvers f
expect_error "no object" "no --target-object" facts f
expect_error "no name" "no NAME" facts --target-object=good.o
expect_error "bad option" "invalid option" facts --bogus --target-object=good.o f

# No debug information: facts from the symbol table, and a warning.
objcopy --strip-debug good.o nodebug.o
ok
"$KLP_CCP" facts --target-object=nodebug.o cold_fn >nd.yaml 2>nd.err ||
	fail "no DWARF: failed"
grep -q "warning: 'nodebug.o' has no DWARF" nd.err || fail "no DWARF: no warning"
expect nd.yaml cold_fn "present: true"

# Corrupted bytes anywhere (DWARF included): exit 0 or 1, one line, no crash.
# libdwarf itself may crash on some of them: that must be an error, not ours.
size=$(stat -c %s good.o)
for seed in $(seq 1 60); do
	cp good.o fuzz.o
	for k in 1 2 3 4 5 6; do
		off=$(( (seed * 7919 * k + k * 104729) % size ))
		printf "\\x$(printf %02x $(( (seed * 31 + k * 17) % 256 )))" |
			dd of=fuzz.o bs=1 seek=$off conv=notrunc status=none
	done
	ok
	"$KLP_CCP" facts --target-object=fuzz.o cold_fn isra_helper >out 2>err
	rc=$?
	if [ $rc -gt 1 ] || { [ $rc -eq 1 ] && ! grep -q "^klp-ccp: error: " err; }; then
		fail "corrupted object (seed $seed): exit $rc"
		head -3 err
		cp fuzz.o "/tmp/klp-ccp-facts-fuzz-$seed.o"
	fi
done

finish
