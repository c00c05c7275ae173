#!/bin/sh
# changed-functions and objcmp tests: run.sh KLP_CCP OBJCMP_TOOL CASE
# Compiles small C files twice (-O2 -ffunction-sections -fdata-sections) in
# a temporary directory and checks the comparison.
set -u
klp=$1 objcmp=$2 case=$3
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/klp-ccp-objcmp.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
cc="gcc -O2 -ffunction-sections -fdata-sections -c"
fail() { echo "FAIL: $*"; exit 1; }

$cc -o "$tmp/orig.o" "$here/orig.c" && $cc -o "$tmp/patched.o" "$here/patched.c" ||
	fail "cannot compile the inputs"

# Expect exit status RC, output (stdout+stderr) matching the file or ERE.
expect_rc() {
	want=$1; shift
	"$@" >"$tmp/out" 2>&1
	rc=$?
	[ $rc = "$want" ] || { cat "$tmp/out"; fail "'$*' exited $rc, not $want"; }
}

case $case in
yaml)
	expect_rc 0 "$klp" changed-functions "$tmp/orig.o" "$tmp/patched.o"
	diff -u "$here/expected.yaml" "$tmp/out" || fail "YAML output differs"
	;;
text)
	expect_rc 0 "$klp" changed-functions --format=text "$tmp/orig.o" "$tmp/patched.o"
	grep -q '^changed uses_const uses_const: uses_const: byte at ' "$tmp/out" &&
	grep -q '^changed scale scale.constprop.0: ' "$tmp/out" &&
	grep -q '^line_only report report: report: line numbers shifted by +3$' "$tmp/out" &&
	grep -q '^added added_fn added_fn$' "$tmp/out" &&
	grep -q '^removed removed_fn removed_fn$' "$tmp/out" &&
	! grep -q 'commented\|unchanged\|scale_a\|scale_b' "$tmp/out" ||
		{ cat "$tmp/out"; fail "text output"; }
	;;
plain)
	# Without -ffunction-sections: functions delimited by symbol ranges in .text.
	gcc -O2 -c -o "$tmp/po.o" "$here/orig.c" && gcc -O2 -c -o "$tmp/pp.o" "$here/patched.c" ||
		fail "cannot compile the inputs"
	expect_rc 0 "$klp" changed-functions "$tmp/po.o" "$tmp/pp.o"
	diff -u "$here/expected.yaml" "$tmp/out" || fail "YAML output differs (plain .text)"
	;;
same)
	# An object compared with itself, and with a build renamed klpp_/klpr_.
	expect_rc 0 "$klp" changed-functions "$tmp/orig.o" "$tmp/orig.o"
	printf 'changed: []\nadded: []\nremoved: []\nline_only: []\n' | diff -u - "$tmp/out" ||
		fail "an object differs from itself"
	sed 's/\bcaller_a\b/klpp_caller_a/; s/\bscale\b/klpr_scale/g' "$here/orig.c" >"$tmp/renamed.c"
	$cc -o "$tmp/renamed.o" "$tmp/renamed.c" || fail "cannot compile renamed.c"
	expect_rc 0 "$objcmp" "$tmp/orig.o" "$tmp/renamed.o" caller_a scale_a scale.constprop.0 report
	[ "$(grep -c ': identical$' "$tmp/out")" = 4 ] || { cat "$tmp/out"; fail "renamed build differs"; }
	;;
stub)
	# Out-of-line stubs no symbol covers (as static_cpu_has() puts in
	# .altinstr_aux) are compared by content, not by their offset, which
	# depends on the other stubs of the object. x86-64 only (inline asm).
	[ "$(uname -m)" = x86_64 ] || { echo "SKIP: x86-64 inline asm"; exit 0; }
	cat >"$tmp/stub.h" <<'EOT'
extern int flags_word;
#define STUB_TEST(bit) ({ int r_ = 1;				\
	asm goto("jmp 6f\n"					\
		 ".pushsection .stubs,\"ax\"\n"		\
		 "6: testb %[b], flags_word(%%rip)\n"		\
		 "jnz %l[yes]\n jmp %l[no]\n .popsection\n"	\
		 : : [b] "i" (bit) : : yes, no);		\
	yes: r_ = 2; no: r_; })
EOT
	printf '#include "stub.h"\nint f(int x) { return STUB_TEST(BIT) + x; }\n' >"$tmp/a.c"
	printf '#include "stub.h"\nint g(int x) { return STUB_TEST(4) * x; }\nint klpp_f(int x) { return STUB_TEST(BIT) + x; }\n' >"$tmp/b.c"
	$cc -DBIT=1 -o "$tmp/a.o" "$tmp/a.c" && $cc -DBIT=1 -o "$tmp/b.o" "$tmp/b.c" &&
		$cc -DBIT=2 -o "$tmp/b2.o" "$tmp/b.c" || fail "cannot compile the stub inputs"
	expect_rc 0 "$objcmp" "$tmp/a.o" "$tmp/b.o" f
	grep -qx 'f: identical' "$tmp/out" || { cat "$tmp/out"; fail "stub at another offset"; }
	"$objcmp" "$tmp/a.o" "$tmp/b2.o" f >"$tmp/out" 2>&1
	grep -q '^f: differs' "$tmp/out" || { cat "$tmp/out"; fail "stub with other content"; }
	;;
registration)
	# A file-scope registration of the function (as DECLARE_PCI_FIXUP_HEADER
	# fills .pci_fixup_header) is not the function's: a build without it
	# (lp.c's) is identical. An entry of a table both objects have stays
	# compared.
	reg='static void (*const reg_##f)(int) __attribute__((used, section(".fixups"))) = f'
	printf 'extern int v;\nvoid f(int x) { v = x + 1; }\nvoid g(int x) { v = x; }\n' >"$tmp/fun.c"
	{ cat "$tmp/fun.c"; printf '#define REG(f) %s;\nREG(f)\n' "$reg"; } >"$tmp/a.c"
	{ cat "$tmp/fun.c"; printf '#define REG(f) %s;\nREG(g)\n' "$reg"; } >"$tmp/g.c"
	$cc -o "$tmp/a.o" "$tmp/a.c" && $cc -o "$tmp/b.o" "$tmp/fun.c" &&
		$cc -o "$tmp/g.o" "$tmp/g.c" || fail "cannot compile the registration inputs"
	expect_rc 0 "$objcmp" "$tmp/a.o" "$tmp/b.o" f
	grep -qx 'f: identical' "$tmp/out" || { cat "$tmp/out"; fail "registration compared"; }
	"$objcmp" "$tmp/a.o" "$tmp/g.o" f >"$tmp/out" 2>&1
	grep -q '^f: differs' "$tmp/out" || { cat "$tmp/out"; fail "entry of a shared table"; }
	;;
errors)
	head -c 300 "$tmp/orig.o" >"$tmp/truncated.o"
	expect_rc 1 "$klp" changed-functions "$tmp/truncated.o" "$tmp/patched.o"
	grep -qx "klp-ccp: error: $tmp/truncated.o: truncated or corrupt ELF file" "$tmp/out" ||
		{ cat "$tmp/out"; fail "truncated object"; }
	expect_rc 1 "$klp" changed-functions "$tmp/orig.o" "$here/orig.c"
	grep -qx "klp-ccp: error: $here/orig.c: not an ELF file" "$tmp/out" || fail "garbage object"
	expect_rc 1 "$klp" changed-functions "$tmp/orig.o" "$tmp/none.o"
	grep -qx "klp-ccp: error: $tmp/none.o: No such file or directory" "$tmp/out" ||
		fail "missing object"
	expect_rc 1 "$klp" changed-functions "$tmp/orig.o"
	[ "$(wc -l <"$tmp/out")" = 1 ] || fail "usage error is not one line"
	expect_rc 1 "$klp" changed-functions --format=json "$tmp/orig.o" "$tmp/patched.o"
	grep -q "invalid format 'json'" "$tmp/out" || fail "bad --format"
	expect_rc 0 "$klp" changed-functions --help
	grep -q '^Usage: klp-ccp changed-functions' "$tmp/out" || fail "--help"
	# Random corruption: an error or a result, never a crash.
	i=0
	while [ $i -lt 40 ]; do
		cp "$tmp/orig.o" "$tmp/bad.o"
		size=$(wc -c <"$tmp/orig.o")
		for k in 1 2 3 4 5 6 7 8; do
			off=$(( (i * 7919 + k * 104729) % size ))
			printf '\377' | dd of="$tmp/bad.o" bs=1 seek=$off conv=notrunc 2>/dev/null
		done
		"$klp" changed-functions "$tmp/bad.o" "$tmp/patched.o" >/dev/null 2>&1
		rc=$?
		[ $rc -le 1 ] || fail "corrupt object $i: exit status $rc"
		i=$((i + 1))
	done
	;;
*)
	fail "unknown case $case"
	;;
esac
echo "ok $case"
