#!/bin/bash
# Error classes of klp-ccp that no other test area covers (docs/errors.md has
# the full table). One case per invocation:
#
#   tests/errors/run.sh CASE      run one case (exit 0 pass, 1 fail, 77 skip)
#   tests/errors/run.sh --list    print the case names
#
# Environment: KLP_CCP (default <repo>/build/klp-ccp),
# KLP_ERRORS_KEEP=1 keeps the work directory.
#
# Every failure case asserts: exit status 1; exactly the documented number of
# "error:" lines, each matching the documented format (docs/errors.md); no
# output file, no report, no "*.klp-ccp-*" temporary and no other new file
# in the work directory; a pre-existing output file left untouched.
set -u

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
KLP_CCP=${KLP_CCP:-$REPO/build/klp-ccp}
case $KLP_CCP in /*) ;; */*) KLP_CCP=$PWD/$KLP_CCP ;; esac	# the cases cd
CASE=${1:-}
FAILED=0

fail() {
	echo "FAIL errors/$CASE: $*"
	FAILED=1
}

# --- fixtures ------------------------------------------------------------------

# A patched function and a static helper. With "-S NO" (shall-externalize-fun
# answers NO) the helper is copied, else it is externalized.
write_input() {
	cat >"${1:-in.c}" <<-'C'
	static int helper(int x)
	{
		return x + 1;
	}

	int pu_f(int x)
	{
		return helper(x) * 2;
	}
	C
}

NO='echo "RESULT: NO"; :'	# a hook answering NO

# --- running klp-ccp -------------------------------------------------------------

# run ARG...: klp-ccp in the work directory; STATUS, $H/out, $H/err.
run() {
	CMD=("$@")
	(cd "$WORK" && timeout "${RUN_TIMEOUT:-120}" "$@" </dev/null >"$H/out" 2>"$H/err")
	STATUS=$?
}

# run_k ARG...: klp-ccp ARG... (with the environment KLP_ENV=(VAR=VALUE...))
KLP_ENV=()
run_k() {
	if [ ${#KLP_ENV[@]} -gt 0 ]; then
		run env "${KLP_ENV[@]}" "$KLP_CCP" "$@"
	else
		run "$KLP_CCP" "$@"
	fi
}

# use_shim VAR=VALUE...: run klp-ccp with the fault injection of shim.c.
use_shim() {
	gcc -shared -fPIC -O2 -o "$H/shim.so" "$HERE/shim.c" -ldl ||
		{ fail "test bug: shim.c does not build"; return 1; }
	# a sanitizer build wants its runtime first; the shim only wraps libc calls
	KLP_ENV=(LD_PRELOAD="$H/shim.so" ASAN_OPTIONS=verify_asan_link_order=0 "$@")
}

listing() {
	(cd "$WORK" && find . -path ./.harness -prune -o -print | LC_ALL=C sort)
}

error_lines() {	# diagnostics, not warnings quoting an error
	grep -E '^[^ ]+: error: ' "$H/err"
}

# check_failure N REGEX...: the last run failed with exactly N error lines,
# the i-th matching the i-th REGEX (grep -E, anchored by the caller).
check_failure() {
	local n=$1 i=0 line re
	shift
	[ "$STATUS" -eq 1 ] || fail "exit status $STATUS, expected 1"
	[ "$(error_lines | wc -l)" -eq "$n" ] ||
		fail "$(error_lines | wc -l) error lines, expected $n"
	while IFS= read -r line; do
		re=${*:i+1:1}
		[ -z "$re" ] && break
		[[ $line =~ $re ]] || fail "error line $((i + 1)) '$line' does not match /$re/"
		i=$((i + 1))
	done < <(error_lines)
	[ $i -ge $# ] || fail "only $i of $# expected error lines seen"
	! grep -Eq '^(==[0-9]+==|.*runtime error:)' "$H/err" || fail "sanitizer report on stderr"
}

# no_leftovers BEFORE: nothing new in the work directory, no temporaries anywhere.
no_leftovers() {
	local now tmps
	now=$(listing)
	[ "$now" = "$1" ] || fail "files left behind: $(diff <(echo "$1") <(echo "$now") | grep '^>' | tr '\n' ' ')"
	tmps=$(find "$WORK" -name '*.klp-ccp-*' | head -n 3)
	[ -z "$tmps" ] || fail "temporary files left behind: $tmps"
}

# expect_error N REGEX... -- KLP-CCP-ARG...: run twice (no output file, then a
# pre-existing one), check_failure and no_leftovers each time. The output is
# the -o operand; set OUT when it is not lp.c.
expect_error() {
	local res=() before out=${OUT:-lp.c}
	while [ "$1" != -- ]; do res+=("$1"); shift; done
	shift
	before=$(listing)
	run_k "$@"
	check_failure "${res[@]}"
	no_leftovers "$before"
	case $out in /*) return ;; esac
	[ "${NO_PREEXISTING:-0}" = 1 ] && return
	[ -d "$WORK/$(dirname "$out")" ] || return
	echo "pre-existing output" >"$WORK/$out"
	before=$(listing)
	run_k "$@"
	check_failure "${res[@]}"
	no_leftovers "$before"
	[ "$(cat "$WORK/$out")" = "pre-existing output" ] ||
		fail "a failing run modified the pre-existing output file"
	rm -f "$WORK/$out"
}

# expect_success ARG...: exit 0, no error line, lp.c written and compiling.
expect_success() {
	run_k "$@"
	[ "$STATUS" -eq 0 ] || fail "exit status $STATUS, expected 0"
	[ "$(error_lines | wc -l)" -eq 0 ] || fail "error lines on a successful run"
	[ -f "$WORK/lp.c" ] || { fail "no lp.c written"; return; }
	(cd "$WORK" && gcc -std=gnu11 -O2 -c lp.c -o "$H/lp.o") >"$H/gcc.err" 2>&1 ||
		fail "lp.c does not compile: $(head -n 3 "$H/gcc.err")"
}

stderr_has() {
	grep -Eq -- "$1" "$H/err" || fail "stderr does not match /$1/"
}

# --- the cases -------------------------------------------------------------------

# Command line of klp-ccp itself.
case_unknown_option() {
	expect_error 1 "^klp-ccp: error: unknown option '--bogus' \(see klp-ccp --help\)$" -- \
		-o lp.c --bogus --patched-functions=pu_f -- gcc -c in.c
}

case_missing_outfile_option() {
	expect_error 1 "^klp-ccp: error: no output file given \(-o\) \(see klp-ccp --help\)$" -- \
		--patched-functions=pu_f -- gcc -c in.c
}

# Input files.
case_input_missing() {
	expect_error 1 "^klp-ccp: error: nothere\.c: No such file or directory$" -- \
		-o lp.c --patched-functions=pu_f -- gcc -c nothere.c
}

case_input_directory() {
	mkdir "$WORK/dir.c"
	expect_error 1 "^klp-ccp: error: dir\.c: Is a directory$" -- \
		-o lp.c --patched-functions=pu_f -- gcc -c dir.c
}

# A FIFO (or device) as the source: refused, not read forever.
case_input_fifo() {
	mkfifo "$WORK/f.c"
	RUN_TIMEOUT=20 expect_error 1 "^klp-ccp: error: f\.c: not a regular file$" -- \
		-o lp.c --patched-functions=pu_f -- gcc -c f.c
}

case_input_unreadable() {
	[ "$(id -u)" != 0 ] || { echo "SKIP errors/$CASE: root reads unreadable files"; exit 77; }
	chmod 000 "$WORK/in.c"
	expect_error 1 "^(klp-ccp: error: |in\.c(:[0-9]+){0,2}: error: ).*in\.c.*(Permission denied|cannot|could not)" -- \
		-o lp.c --patched-functions=pu_f -- gcc -c in.c
	chmod 644 "$WORK/in.c"
}

case_input_not_c() {
	echo 'int x;' >"$WORK/in.cpp"
	expect_error 1 "^klp-ccp: error: in\.cpp: not a C source file$" -- \
		-o lp.c --patched-functions=pu_f -- gcc -c in.cpp
}

# The original command line.
case_cmdline_missing_o_argument() {
	expect_error 1 "^klp-ccp: error: missing argument to '-o' in the compiler command line$" -- \
		-o lp.c --patched-functions=pu_f -- gcc -c in.c -o
}

case_cmdline_no_input() {
	expect_error 1 "^klp-ccp: error: no input file in the compiler command line$" -- \
		-o lp.c --patched-functions=pu_f -- gcc -O2 -c
}

case_cmdline_two_inputs() {
	write_input "$WORK/b.c"
	expect_error 1 "^klp-ccp: error: more than one input file in the compiler command line: 'in\.c' and 'b\.c'$" -- \
		-o lp.c --patched-functions=pu_f -- gcc -c in.c b.c
}

case_response_file_missing() {
	expect_error 1 "^klp-ccp: error: cannot read response file 'nothere\.rsp': No such file or directory$" -- \
		-o lp.c --patched-functions=pu_f -- gcc @nothere.rsp -c in.c
}

case_response_file_nul() {
	printf -- '-O2\0-DX\n' >"$WORK/nul.rsp"
	expect_error 1 "^klp-ccp: error: response file 'nul\.rsp' contains a NUL byte$" -- \
		-o lp.c --patched-functions=pu_f -- gcc @nul.rsp -c in.c
}

case_response_file_recursive() {
	echo '-O2 @self.rsp' >"$WORK/self.rsp"
	expect_error 1 "^klp-ccp: error: @self\.rsp: too many nested response files$" -- \
		-o lp.c --patched-functions=pu_f -- gcc @self.rsp -c in.c
}

# An unterminated quote in a response file is not an error for GCC (libiberty's
# buildargv ends the word at the end of the file): klp-ccp does the same.
case_response_file_unterminated_quote() {
	cat >>"$WORK/in.c" <<-'C'
	#ifndef UNTERMINATED
	#error "the quoted word of the response file was lost"
	#endif
	C
	printf "%s" "-O2 '-DUNTERMINATED=1" >"$WORK/open.rsp"
	(cd "$WORK" && gcc @open.rsp -c in.c -o "$H/gcc.o") 2>"$H/gcc.err" ||
		{ fail "test bug: gcc rejects the response file: $(cat "$H/gcc.err")"; return; }
	expect_success -o lp.c --patched-functions=pu_f -- gcc @open.rsp -c in.c
}

# Patched functions.
case_unknown_patched_function() {
	expect_error 1 "^klp-ccp: error: in\.c: unknown patched function 'pu_nothere': no definition in this translation unit$" -- \
		-o lp.c --patched-functions=pu_f,pu_nothere -- gcc -c in.c
}

# A function the unit only declares: it is defined elsewhere. Declared with
# a one-argument assume_aligned (the kernel's kmalloc_trace()): libclang 16
# crashed printing that attribute when klp-ccp looked for an alias.
case_patched_function_only_declared() {
	cat >>"$WORK/in.c" <<-'C'
	#define __assume_al(a, ...) __attribute__((__assume_aligned__(a, ## __VA_ARGS__)))
	#define __al8 __assume_al(8)
	void *pu_alloc(unsigned long n) __al8 __attribute__((__alloc_size__(1)));
	C
	expect_error 1 "^klp-ccp: error: in\.c: patched function 'pu_alloc' is only declared in this translation unit, not defined: patch it in the unit that defines it$" -- \
		-o lp.c --patched-functions=pu_alloc -- gcc -c in.c
}

# A function a file-scope asm statement defines (as DEFINE_STATIC_CALL makes
# the kernel's __SCT__ trampolines): no C body to copy.
case_patched_function_in_asm() {
	cat >>"$WORK/in.c" <<-'C'
	#define STR(x) #x
	#define TRAMP(name, f) asm(".globl " STR(name) "\n\t" STR(name) ":\n\tjmp " STR(f) "\n")
	void pu_tramp(void);
	TRAMP(pu_tramp, pu_f);
	C
	expect_error 1 "^klp-ccp: error: in\.c: patched function 'pu_tramp' is defined in assembly here \(a file-scope asm statement, as DEFINE_STATIC_CALL makes __SCT__ trampolines\), not in C: there is no C body to copy; patch the C functions instead$" -- \
		-o lp.c --patched-functions=pu_tramp -- gcc -c in.c
}

# A function defined twice is a parse (clang) error of the patched function:
# the clang diagnostic, then the summary line.
case_function_defined_twice() {
	cat >>"$WORK/in.c" <<-'C'

	int pu_f(int x)
	{
		return x;
	}
	C
	expect_error 2 "^in\.c:11:5: error: redefinition of 'pu_f'$" \
		"^klp-ccp: error: 1 parse error\(s\) in the extracted code$" -- \
		-o lp.c --patched-functions=pu_f -- gcc -c in.c
}

# Parse errors inside the closure: each clang diagnostic (file:line:col), then
# the summary.
case_parse_error_inside_closure() {
	sed -i 's/return x + 1;/return x + undeclared_thing;/' "$WORK/in.c"
	expect_error 2 "^in\.c:3:12: error: use of undeclared identifier 'undeclared_thing'$" \
		"^klp-ccp: error: 1 parse error\(s\) in the extracted code$" -- \
		-o lp.c --patched-functions=pu_f -S "$NO" -- gcc -c in.c
}

# Outside the closure: a warning, and success.
case_parse_error_outside_closure() {
	cat >>"$WORK/in.c" <<-'C'

	int other(void)
	{
		return undeclared_thing;
	}
	C
	expect_success -o lp.c --patched-functions=pu_f -S "$NO" -- gcc -c in.c
	stderr_has "^klp-ccp: warning: 1 parse error\(s\) outside the extracted code ignored; first: in\.c:13:8: error: use of undeclared identifier 'undeclared_thing'$"
	grep -q undeclared_thing "$WORK/lp.c" && fail "lp.c holds the broken function"
}

# A missing #include is an error even outside the copied code: clang does
# not know what the file declares, and pu_f's call of a function it would
# have declared goes unnoticed (clang only warns about the implicit
# declaration; lp.c would not compile under -Werror).
case_missing_include() {
	cat >"$WORK/in.c" <<-'C'
	#include "gone.h"

	int pu_f(int x)
	{
		return gone_helper(x) + 1;
	}
	C
	expect_error 2 "^in\.c:1:10: error: 'gone\.h' file not found$" \
		"^klp-ccp: error: an included file is missing: the unit cannot be read whole \(check the command line's -I options and the working directory\)$" -- \
		-o lp.c --patched-functions=pu_f -S "$NO" -- gcc -c in.c
}

# Hooks (most hook failures: tests/toy/cases/086..100 and tests/unit/test_policy.c).
case_hook_not_executable() {
	printf '#!/bin/sh\necho "RESULT: NO"\n' >"$WORK/hook.sh"
	chmod 644 "$WORK/hook.sh"
	expect_error 1 "^klp-ccp: error: hook shall-externalize-fun \('\./hook\.sh' helper\) failed: exited with status 126 \\(command not executable\\)$" -- \
		-o lp.c --patched-functions=pu_f -S ./hook.sh -- gcc -c in.c
}

case_hook_invalid_name() {
	expect_error 1 "^klp-ccp: error: hook modify-patched-fun-sym \('echo '\\\\''RESULT: 9bad MAKE-EXTERNAL'\\\\''; :' pu_f 0\) failed: invalid answer '9bad MAKE-EXTERNAL': NEW-NAME '9bad' is not a C identifier$" -- \
		-o lp.c --patched-functions=pu_f -P "echo 'RESULT: 9bad MAKE-EXTERNAL'; :" -- gcc -c in.c
}

# An answer is data: "$(touch${IFS}pwned)" is not run, and not an identifier.
case_hook_invalid_name_shell() {
	expect_error 1 "^klp-ccp: error: hook modify-externalized-sym \(.*' function helper 0\) failed: invalid answer '\\\$\(touch\\\$\{IFS\}pwned\) KEEP-LINKAGE': NEW-NAME '\\\$\(touch\\\$\{IFS\}pwned\)' is not a C identifier$" -- \
		-o lp.c --patched-functions=pu_f \
		-E "echo 'RESULT: \$(touch\${IFS}pwned) KEEP-LINKAGE'; :" -- gcc -c in.c
	[ -e "$WORK/pwned" ] && fail "an answer was executed"
}

# Output files.
case_output_is_input() {
	local sum
	sum=$(md5sum <"$WORK/in.c")
	OUT=in.c NO_PREEXISTING=1 expect_error 1 "^klp-ccp: error: output file 'in\.c' is the input file$" -- \
		-o in.c --patched-functions=pu_f -- gcc -c in.c
	[ "$(md5sum <"$WORK/in.c")" = "$sum" ] || fail "the input was modified"
}

case_output_is_input_other_spelling() {
	OUT=./in.c NO_PREEXISTING=1 expect_error 1 "^klp-ccp: error: output file '\./in\.c' is the input file$" -- \
		-o ./in.c --patched-functions=pu_f -- gcc -c "$WORK/in.c"
}

# Every input counts, not only the .c file: a header it includes, the
# response file, a -include file, an IPA clones dump.
output_is_other_input() {	# OUTPUT KLP-CCP-ARG...
	local out=$1 sum
	shift
	sum=$(md5sum <"$WORK/$out")
	OUT=$out NO_PREEXISTING=1 expect_error 1 "^klp-ccp: error: output file '${out//./\\.}' is (the|an) input file.*$" -- "$@"
	[ "$(md5sum <"$WORK/$out")" = "$sum" ] || fail "the input $out was overwritten"
}

case_output_is_included_header() {
	printf '#define ONE 1\n' >"$WORK/inc.h"
	sed -i '1i #include "inc.h"' "$WORK/in.c"
	output_is_other_input inc.h -o inc.h --patched-functions=pu_f -- gcc -c in.c
}

case_output_is_response_file() {
	echo '-O2' >"$WORK/args.rsp"
	output_is_other_input args.rsp -o args.rsp --patched-functions=pu_f -- gcc @args.rsp -c in.c
}

case_output_is_pre_include() {
	printf '#define ONE 1\n' >"$WORK/pre.h"
	output_is_other_input pre.h -o pre.h --patched-functions=pu_f -- gcc -include pre.h -c in.c
}

case_output_is_ipa_dump() {
	printf 'Callgraph removal;helper;1;in.c;1;12\n' >"$WORK/x.ipa-clones"
	output_is_other_input x.ipa-clones -o x.ipa-clones --patched-functions=pu_f \
		--ipa-clones=x.ipa-clones -- gcc -c in.c
}

case_report_is_input() {
	NO_PREEXISTING=1 expect_error 1 "^klp-ccp: error: output file 'in\.c' is the input file$" -- \
		-o lp.c --report=in.c --patched-functions=pu_f -- gcc -c in.c
}

case_report_is_output() {
	expect_error 1 "^klp-ccp: error: --report and -o name the same file 'lp\.c'$" -- \
		-o lp.c --report=lp.c --patched-functions=pu_f -- gcc -c in.c
}

# The same file through another spelling, a hard link, a symlink.
case_report_is_output_other_spelling() {
	expect_error 1 "^klp-ccp: error: --report and -o name the same file '\./lp\.c'$" -- \
		-o lp.c --report=./lp.c --patched-functions=pu_f -- gcc -c in.c
}

case_report_is_output_hard_link() {
	echo "pre-existing output" >"$WORK/lp.c"
	ln "$WORK/lp.c" "$WORK/r.yaml"
	NO_PREEXISTING=1 expect_error 1 "^klp-ccp: error: --report and -o name the same file 'r\.yaml'$" -- \
		-o lp.c --report=r.yaml --patched-functions=pu_f -- gcc -c in.c
	[ "$(cat "$WORK/lp.c")" = "pre-existing output" ] || fail "lp.c was overwritten"
}

case_report_is_output_symlink() {
	echo "pre-existing output" >"$WORK/lp.c"
	mkdir "$WORK/d" && ln -s ../lp.c "$WORK/d/r.yaml"
	NO_PREEXISTING=1 expect_error 1 "^klp-ccp: error: --report and -o name the same file 'd/r\.yaml'$" -- \
		-o lp.c --report=d/r.yaml --patched-functions=pu_f -- gcc -c in.c
	[ "$(cat "$WORK/lp.c")" = "pre-existing output" ] || fail "lp.c was overwritten"
}

# Both or neither when the second rename fails: lp.c is put back (or removed).
case_report_rename_fails() {
	use_shim KLP_SHIM_FAIL_RENAME=r.yaml || return
	echo "old report" >"$WORK/r.yaml"
	expect_error 1 "^klp-ccp: error: cannot write 'r\.yaml': Operation not permitted$" -- \
		-o lp.c --report=r.yaml --patched-functions=pu_f -- gcc -c in.c
	[ "$(cat "$WORK/r.yaml")" = "old report" ] || fail "the report was modified"
}

# The same with a real immutable report (root with CAP_LINUX_IMMUTABLE).
case_report_immutable() {
	echo "old report" >"$WORK/r.yaml"
	chattr +i "$WORK/r.yaml" 2>/dev/null || { echo "SKIP errors/$CASE: chattr +i not permitted"; exit 77; }
	expect_error 1 "^klp-ccp: error: cannot write 'r\.yaml': Operation not permitted$" -- \
		-o lp.c --report=r.yaml --patched-functions=pu_f -- gcc -c in.c
	chattr -i "$WORK/r.yaml"
}

# Output names up to NAME_MAX (255 bytes): the temporary's suffix must fit.
case_output_name_255() {
	local name
	name=$(printf 'l%.0s' $(seq 253)).c
	run_k -o "$name" --report="${name%.c}.y" --patched-functions=pu_f -- gcc -c in.c
	[ "$STATUS" -eq 0 ] || { fail "exit status $STATUS: $(head -n 3 "$H/err")"; return; }
	[ -f "$WORK/$name" ] && [ -f "$WORK/${name%.c}.y" ] || fail "outputs not written"
	no_leftovers "$(listing)"
}

# interrupt_at_mark SIGNAL ARG...: run klp-ccp ARG... (with KLP_ENV) in the
# background, send SIGNAL once $H/mark exists; checks it died of the signal.
interrupt_at_mark() {
	local sig=$1 pid i
	shift
	CMD=(env "${KLP_ENV[@]}" "$KLP_CCP" "$@")
	(cd "$WORK" && exec env "${KLP_ENV[@]}" "$KLP_CCP" "$@" </dev/null >"$H/out" 2>"$H/err") &
	pid=$!
	for i in $(seq 600); do [ -e "$H/mark" ] && break; sleep 0.1; done
	[ -e "$H/mark" ] || { fail "never reached the point to interrupt"; kill -KILL $pid; wait $pid; return; }
	kill -"$sig" $pid
	wait $pid
	STATUS=$?
	[ "$STATUS" -eq $((128 + $(kill -l "$sig"))) ] ||
		fail "exit status $STATUS, expected death by SIG$sig"
}

# A signal while the temporary output is being written: it is removed.
case_signal_while_writing() {
	local before
	use_shim KLP_SHIM_SLOW_WRITE=lp.c KLP_SHIM_MARK="$H/mark" || return
	before=$(listing)
	interrupt_at_mark TERM -o lp.c --report=r.yaml --patched-functions=pu_f -- gcc -c in.c
	no_leftovers "$before"
}

# glue writes many files: an interrupt during the last leaves no directory.
case_signal_during_glue() {
	local before
	run_k -o lp.c --report=r.yaml --patched-functions=pu_f -S "$NO" -- gcc -c in.c
	[ "$STATUS" -eq 0 ] || { fail "test bug: extraction failed: $(head -n 3 "$H/err")"; return; }
	use_shim KLP_SHIM_SLOW_WRITE=Makefile KLP_SHIM_MARK="$H/mark" || return
	before=$(listing)
	interrupt_at_mark INT glue -o mod r.yaml
	no_leftovers "$before"
}

# --patch: an interrupt while GCC compiles kills GCC and removes the scratch tree.
case_signal_during_patch_compile() {
	local sig pid
	mkdir "$H/tmp"
	cat >"$WORK/slowcc" <<-SH
	#!/bin/sh
	case " \$* " in
	*" -fdump-ipa-clones "*) echo \$\$ >"$H/cc.pid"; touch "$H/mark"; exec sleep 30 ;;
	esac
	exec gcc "\$@"
	SH
	chmod +x "$WORK/slowcc"
	(cd "$WORK" && mkdir a b && cp in.c a/ && sed 's/x + 1/x + 2/' in.c >b/in.c &&
		{ diff -u a/in.c b/in.c >fix.patch; rm -rf a b; })
	for sig in INT TERM HUP QUIT; do
		rm -f "$H/mark" "$H/cc.pid"
		KLP_ENV=(TMPDIR="$H/tmp")
		interrupt_at_mark $sig -o lp.c --patch=fix.patch -- ./slowcc -O2 -c in.c
		pid=$(cat "$H/cc.pid" 2>/dev/null)
		sleep 0.3
		if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
			fail "SIG$sig: the compiler ($pid) survived"
			kill -KILL "$pid"
		fi
		[ -z "$(ls -A "$H/tmp")" ] || fail "SIG$sig: scratch left in TMPDIR: $(ls -A "$H/tmp")"
		[ -e "$WORK/lp.c" ] && fail "SIG$sig: lp.c written"
	done
}

# slow_own_cc: ./slowcc, which sleeps (its pid in $H/cc.pid, then $H/mark)
# when it is the compile of the original that klp-ccp runs without facts
# (own_facts.c: "-o DIR/own.o"), and is gcc otherwise.
slow_own_cc() {
	cat >"$WORK/slowcc" <<-SH
	#!/bin/sh
	case " \$* " in
	*"/own.o "*) echo \$\$ >"$H/cc.pid"; touch "$H/mark"; exec sleep 30 ;;
	esac
	exec gcc "\$@"
	SH
	chmod +x "$WORK/slowcc"
}

# compiler_survived: the slow compiler of $H/cc.pid still runs (fails then).
compiler_survived() {
	local pid
	pid=$(cat "$H/cc.pid" 2>/dev/null)
	sleep 0.3
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		fail "$1: the compiler ($pid) survived"
		kill -KILL "$pid"
	fi
}

# Without facts the compile of the original starts beside the parse: an
# interrupt while it runs kills it and removes its scratch directory.
case_signal_during_own_compile() {
	local sig
	mkdir "$H/tmp"
	slow_own_cc
	for sig in INT TERM; do
		rm -f "$H/mark" "$H/cc.pid"
		KLP_ENV=(TMPDIR="$H/tmp")
		interrupt_at_mark $sig -o lp.c --patched-functions=pu_f -- ./slowcc -O2 -c in.c
		compiler_survived "SIG$sig"
		[ -z "$(ls -A "$H/tmp")" ] || fail "SIG$sig: scratch left in TMPDIR: $(ls -A "$H/tmp")"
		[ -e "$WORK/lp.c" ] && fail "SIG$sig: lp.c written"
	done
}

# A run whose decisions never need that compile (no static in the closure)
# does not wait for it: it ends it, and leaves no scratch directory.
case_own_compile_unneeded() {
	mkdir "$H/tmp"
	printf 'int ext(int);\n\nint pu_f(int x)\n{\n\treturn ext(x) * 2;\n}\n' >"$WORK/in.c"
	slow_own_cc
	KLP_ENV=(TMPDIR="$H/tmp")
	RUN_TIMEOUT=20 expect_success -o lp.c --patched-functions=pu_f -- ./slowcc -O2 -c in.c
	[ -s "$H/cc.pid" ] || fail "the compile of the original was not started before the decisions"
	compiler_survived "an unneeded compile"
	[ -z "$(ls -A "$H/tmp")" ] || fail "scratch left in TMPDIR: $(ls -A "$H/tmp")"
	grep -q 'ext(x) \* 2' "$WORK/lp.c" || fail "lp.c lacks the patched function"
}

case_output_dir_missing() {
	OUT=nodir/lp.c expect_error 1 "^klp-ccp: error: cannot write 'nodir/lp\.c': No such file or directory \(create the directory 'nodir' first\)$" -- \
		-o nodir/lp.c --patched-functions=pu_f -- gcc -c in.c
}

case_report_dir_missing() {
	expect_error 1 "^klp-ccp: error: cannot write 'nodir/r\.yaml': No such file or directory \(create the directory 'nodir' first\)$" -- \
		-o lp.c --report=nodir/r.yaml --patched-functions=pu_f -- gcc -c in.c
}

# The output or the report names an existing directory: the rename fails.
case_output_is_directory() {
	mkdir "$WORK/lp.c"
	NO_PREEXISTING=1 expect_error 1 "^klp-ccp: error: cannot write 'lp\.c': Is a directory$" -- \
		-o lp.c --patched-functions=pu_f -- gcc -c in.c
}

# Both or neither: lp.c must not be written when the report cannot be.
case_report_is_directory() {
	mkdir "$WORK/r.yaml"
	expect_error 1 "^klp-ccp: error: cannot write 'r\.yaml': Is a directory$" -- \
		-o lp.c --report=r.yaml --patched-functions=pu_f -- gcc -c in.c
}

case_output_dir_unwritable() {
	if [ "$(id -u)" != 0 ]; then
		mkdir "$WORK/ro" && chmod 555 "$WORK/ro"
		OUT=ro/lp.c expect_error 1 "^klp-ccp: error: cannot write 'ro/lp\.c': Permission denied$" -- \
			-o ro/lp.c --patched-functions=pu_f -- gcc -c in.c
		chmod 755 "$WORK/ro"
	else	# root writes everywhere but in /proc
		OUT=/proc/klp-ccp-lp.c expect_error 1 "^klp-ccp: error: cannot write '/proc/klp-ccp-lp\.c': .+$" -- \
			-o /proc/klp-ccp-lp.c --patched-functions=pu_f -- gcc -c in.c
	fi
}

# Disk full, simulated by a file size limit: "File too large" (EFBIG), not SIGXFSZ.
fsize_run() {	# LIMIT ARG...: run ARG... with RLIMIT_FSIZE = LIMIT bytes
	cat >"$H/fsize.py" <<-'PY'
	import os, resource, sys
	lim = int(sys.argv[1])
	resource.setrlimit(resource.RLIMIT_FSIZE, (lim, lim))
	os.execv(sys.argv[2], sys.argv[2:])
	PY
	run python3 "$H/fsize.py" "$@"
}

case_disk_full() {
	local before
	command -v python3 >/dev/null || { echo "SKIP errors/$CASE: no python3"; exit 77; }
	before=$(listing)
	fsize_run 100 "$KLP_CCP" -o lp.c --patched-functions=pu_f -- gcc -c in.c
	check_failure 1 "^klp-ccp: error: cannot write 'lp\.c': File too large$"
	no_leftovers "$before"
}

# lp.c fits, the report does not: neither is written.
case_disk_full_report() {
	local before size
	command -v python3 >/dev/null || { echo "SKIP errors/$CASE: no python3"; exit 77; }
	run_k -o lp.c --report=r.yaml --patched-functions=pu_f -- gcc -c in.c
	[ "$STATUS" -eq 0 ] || { fail "test bug: the unlimited run failed: $(cat "$H/err")"; return; }
	size=$(stat -c %s "$WORK/lp.c")
	[ "$(stat -c %s "$WORK/r.yaml")" -gt "$size" ] || { fail "test bug: report smaller than lp.c"; return; }
	rm -f "$WORK/lp.c" "$WORK/r.yaml"
	before=$(listing)
	fsize_run "$size" "$KLP_CCP" -o lp.c --report=r.yaml --patched-functions=pu_f -- gcc -c in.c
	check_failure 1 "^klp-ccp: error: cannot write 'r\.yaml': File too large$"
	no_leftovers "$before"
}

# Interrupted runs: klp-ccp is killed by the signal while a hook sleeps; no
# lp.c, no report, no temporary file.
interrupt_case() {	# SIGNAL
	local sig=$1 before pid i
	before=$(listing)
	CMD=("$KLP_CCP" -o lp.c --report=r.yaml --patched-functions=pu_f -S '<hook sleeping 30 s>' -- gcc -c in.c)
	(cd "$WORK" && exec "$KLP_CCP" -o lp.c --report=r.yaml --patched-functions=pu_f \
		-S 'echo $$ >.harness/hook.pid; exec sleep 30; :' -- gcc -c in.c \
		</dev/null >"$H/out" 2>"$H/err") &
	pid=$!
	for i in $(seq 300); do [ -s "$H/hook.pid" ] && break; sleep 0.1; done
	[ -s "$H/hook.pid" ] || { fail "the hook never ran"; kill -KILL $pid; return; }
	kill -"$sig" $pid
	wait $pid
	STATUS=$?
	[ "$STATUS" -eq $((128 + $(kill -l "$sig"))) ] ||
		fail "exit status $STATUS, expected death by SIG$sig ($((128 + $(kill -l "$sig"))))"
	no_leftovers "$before"
	HOOK_PID=$(cat "$H/hook.pid")
}

case_sigterm() {
	interrupt_case TERM
	kill -KILL -- "-$HOOK_PID" 2>/dev/null
}

case_sigint() {
	interrupt_case INT
	kill -KILL -- "-$HOOK_PID" 2>/dev/null
}

# live_in_group: succeeds while a process of the group $PGID runs (a zombie
# waiting for init to reap it has ended: under load reaping lags).
live_in_group() {
	local f stat
	for f in /proc/[0-9]*/stat; do
		stat=$(cat "$f" 2>/dev/null) || continue
		set -- ${stat##*) }	# state ppid pgrp ...
		[ "$1" != Z ] && [ "$3" = "$PGID" ] && return 0
	done
	return 1
}

# An interrupted run also ends the hook it is waiting for (its process group).
case_signal_ends_hook() {
	local i
	interrupt_case TERM
	PGID=$HOOK_PID
	for i in $(seq 50); do live_in_group || break; sleep 0.1; done
	if live_in_group; then
		fail "the hook's process group ($HOOK_PID) survived klp-ccp's SIGTERM"
		kill -KILL -- "-$HOOK_PID" 2>/dev/null
	fi
}

# Names and paths with spaces, quotes, $(), ` and ; never reach a shell as code.
EVIL_DIR="d ir;\$(touch pwned) 'q\"\`touch pwned\`"
EVIL_SRC="a b;\$(touch pwned).c"
case_hostile_paths() {
	local d="$WORK/$EVIL_DIR" log
	mkdir "$d" && mv "$WORK/in.c" "$d/$EVIL_SRC"
	cat >"$d/hook log.sh" <<-'SH'
	printf '[%s]\n' "$@" "$KLP_CCP_SOURCE" >>"$KLP_CCP_CWD/args log"
	echo "RESULT: NO"
	SH
	(cd "$d" && timeout 120 "$KLP_CCP" -o "out \$(touch pwned);x.c" \
		--report="r \`touch pwned\`.yaml" --patched-functions=pu_f \
		-S "sh './hook log.sh'" -H "sh './hook log.sh' >/dev/null; echo 'RESULT: YES'; :" \
		-- gcc -c "-DQ=\$(touch pwned)" "$EVIL_SRC" </dev/null >"$H/out" 2>"$H/err")
	STATUS=$?
	[ "$STATUS" -eq 0 ] || fail "exit status $STATUS: $(head -n 3 "$H/err")"
	[ -z "$(find "$WORK" "$d" -name 'pwned*')" ] || fail "a name was executed by a shell"
	[ -f "$d/out \$(touch pwned);x.c" ] || fail "lp.c not written under its name"
	[ -f "$d/r \`touch pwned\`.yaml" ] || fail "report not written under its name"
	log=$(cat "$d/args log" 2>/dev/null)
	[ "$log" = "$(printf '[helper]\n[%s]' "$EVIL_SRC")" ] ||
		fail "hook arguments/KLP_CCP_SOURCE not passed verbatim: $log"
	grep -qF "source: 'a b;\$(touch pwned).c'" "$d/r \`touch pwned\`.yaml" ||
		grep -qF "source: a b;\$(touch pwned).c" "$d/r \`touch pwned\`.yaml" ||
		fail "the report does not name the source"
	(cd "$d" && gcc -std=gnu11 -c "out \$(touch pwned);x.c" -o "$H/lp.o") >"$H/gcc.err" 2>&1 ||
		fail "lp.c does not compile: $(head -n 3 "$H/gcc.err")"
}

# Non-ASCII names in the report: valid UTF-8 kept as it is, other bytes
# escaped reversibly; glue finds the lp.c the report names either way.
report_name_roundtrip() {	# DIR
	local d=$1
	mkdir "$WORK/$d" && mv "$WORK/in.c" "$WORK/$d/in.c"
	run_k -o "$d/lp.c" --report=r.yaml --patched-functions=pu_f -S "$NO" -- gcc -c "$d/in.c"
	[ "$STATUS" -eq 0 ] || { fail "exit status $STATUS: $(head -n 3 "$H/err")"; return; }
	run_k glue -o mod r.yaml
	[ "$STATUS" -eq 0 ] || fail "glue cannot use the report: $(head -n 3 "$H/err")"
	[ -f "$WORK/mod/livepatch.c" ] || fail "glue wrote no livepatch.c"
}

case_report_utf8_name() {
	report_name_roundtrip 'jürgen'
	grep -q '^output: jürgen/lp\.c$' "$WORK/r.yaml" || fail "the report does not keep the UTF-8 name: $(grep '^output' "$WORK/r.yaml")"
}

case_report_latin1_name() {
	report_name_roundtrip $'j\xfcrgen'
}

# Hostile file names reach lp.c's comments and #line directives intact.
hostile_name_in_lp() {	# RELATIVE-SOURCE-PATH
	mkdir -p "$WORK/$(dirname "$1")"
	mv "$WORK/in.c" "$WORK/$1"
	run_k -o lp.c --patched-functions=pu_f -S "$NO" -- gcc -c "$1"
	[ "$STATUS" -eq 0 ] || { fail "exit status $STATUS: $(head -n 3 "$H/err")"; return; }
	(cd "$WORK" && gcc -std=gnu11 -c lp.c -o "$H/lp.o") >"$H/gcc.err" 2>&1 ||
		fail "lp.c does not compile for source '$1': $(grep -m 2 error "$H/gcc.err")"
}

case_lp_c_name_quote_backslash() {
	hostile_name_in_lp 'a"b\c.c'
}

case_lp_c_name_comment_end() {
	hostile_name_in_lp 'd*/b.c'
}

case_lp_c_name_newline() {
	hostile_name_in_lp $'nl\nx.c'
}

# Malformed inputs of the extraction itself (the parsers have their own tests:
# tests/ipa malformed.*, tests/glue/errors.sh, tests/facts/errors.sh).
case_ipa_clones_malformed() {
	printf 'Callgraph clone;pu_f;1;in.c;6;5\n' >"$WORK/x.ipa-clones"
	expect_error 1 "^x\.ipa-clones:1: error: .+$" -- \
		-o lp.c --patched-functions=pu_f --ipa-clones=x.ipa-clones -- gcc -c in.c
}

case_ipa_clones_missing() {
	expect_error 1 "^klp-ccp: error: cannot read IPA clones dump 'no\.ipa-clones': No such file or directory$" -- \
		-o lp.c --patched-functions=pu_f --ipa-clones=no.ipa-clones -- gcc -c in.c
}

# Inputs that are not files: a device is refused (reading /dev/zero never
# ends), a FIFO left in an --ipa-clones directory is not opened.
device_input() {	# REGEX KLP-CCP-ARG...
	local re=$1
	shift
	RUN_TIMEOUT=10 expect_error 1 "$re" -- "$@"
}

case_device_as_ipa_dump() {
	device_input "^klp-ccp: error: cannot read IPA clones dump '/dev/zero': not a regular file$" \
		-o lp.c --patched-functions=pu_f --ipa-clones=/dev/zero -- gcc -c in.c
}

case_device_as_patch() {
	device_input "^klp-ccp: error: /dev/zero: not a regular file$" \
		-o lp.c --patch=/dev/zero -- gcc -c in.c
}

case_device_as_response_file() {
	device_input "^klp-ccp: error: cannot read response file '/dev/zero': not a regular file$" \
		-o lp.c --patched-functions=pu_f -- gcc @/dev/zero -c in.c
}

case_device_as_symvers() {
	(cd "$WORK" && gcc -O2 -g -c in.c -o t.o)
	device_input "^klp-ccp: error: cannot read '/dev/zero': not a regular file$" \
		-o lp.c --patched-functions=pu_f --target-object=t.o --symvers=/dev/zero -- gcc -c in.c
}

case_fifo_as_target_object() {
	mkfifo "$WORK/t.o"
	device_input "^klp-ccp: error: target object 't\.o' is not a regular file$" \
		-o lp.c --patched-functions=pu_f --target-object=t.o -- gcc -c in.c
}

case_device_as_report() {
	OUT=mod device_input "^klp-ccp: error: cannot read '/dev/zero': not a regular file$" \
		glue -o mod /dev/zero
}

case_fifo_in_ipa_dir() {
	mkdir "$WORK/dumps"
	(cd "$WORK/dumps" && gcc -O2 -fdump-ipa-clones -c ../in.c -o in.o && rm in.o)
	ls "$WORK"/dumps/*.ipa-clones >/dev/null || { fail "test bug: no dump written"; return; }
	mkfifo "$WORK/dumps/fifo.c.000i.ipa-clones"
	RUN_TIMEOUT=20 expect_success -o lp.c --patched-functions=pu_f --ipa-clones=dumps -- gcc -c in.c
}

# Skip while the extraction ignores --target-object (wiring in progress).
need_target_object() {
	run_k -o lp.c --patched-functions=pu_f --target-object=nothere.o -- gcc -c in.c
	rm -f "$WORK/lp.c"
	[ "$STATUS" -ne 0 ] || { echo "SKIP errors/$CASE: the extraction ignores --target-object"; exit 77; }
}

case_target_object_missing() {
	need_target_object
	expect_error 1 "^klp-ccp: error: .*'nothere\.o'.*$" -- \
		-o lp.c --patched-functions=pu_f --target-object=nothere.o -- gcc -c in.c
}

case_target_object_not_elf() {
	need_target_object
	echo 'not an ELF file' >"$WORK/t.o"
	expect_error 1 "^klp-ccp: error: .*'t\.o' is not an ELF file.*$" -- \
		-o lp.c --patched-functions=pu_f --target-object=t.o -- gcc -c in.c
}

case_target_object_truncated() {
	need_target_object
	(cd "$WORK" && gcc -O2 -g -c in.c -o full.o && head -c $(($(stat -c %s full.o) / 3)) full.o >t.o && rm full.o)
	expect_error 1 "^klp-ccp: error: .*t\.o.*(truncated|corrupt).*$" -- \
		-o lp.c --patched-functions=pu_f --target-object=t.o -- gcc -c in.c
}

# --patch and headers (tests/patch covers the successful cases).
# write_header_patch FILE OLD NEW: FILE in the work dir and fix.patch changing OLD to NEW
write_header_patch() {
	(cd "$WORK" && mkdir -p a b && cp "$1" a/ && sed "s/$2/$3/" "$1" >"b/$1" &&
		{ diff -u "a/$1" "b/$1" >fix.patch; rm -rf a b; })
}

case_patch_header_not_included() {
	printf '#define OTHER 1\n' >"$WORK/other.h"
	write_header_patch other.h 'OTHER 1' 'OTHER 2'
	expect_error 1 "^other\.h:1: error: the patch changes this header, which in\.c does not include: extract the units including it \(--patch with their command lines\)$" -- \
		-o lp.c --patch=fix.patch -- gcc -O2 -c in.c
}

# A header in2.c reads through outer.h comes unpatched with lp.c's #include of
# outer.h: only what can be copied under new names (static functions, macros)
# may change there.
write_nested_headers() {	# write_nested_headers INNER-TEXT
	printf '%b' "$1" >"$WORK/inner.h"
	printf '#include <inner.h>\n' >"$WORK/outer.h"
	printf '#include "outer.h"\nint pu_g(int x)\n{\n\treturn helper2(x) * 2;\n}\n' >"$WORK/in2.c"
}

case_patch_header_through_header_type() {
	write_nested_headers 'enum { STEP = 1 };\nstatic inline int helper2(int x)\n{\n\treturn x + STEP;\n}\n'
	write_header_patch inner.h 'STEP = 1' 'STEP = 2'
	expect_error 1 "^inner\\.h:1: error: the patch changes a type in this header, which in2\\.c reads through 'outer\\.h', so lp\\.c #includes it unpatched: only static functions and macros changed there can be copied into lp\\.c under new names\$" -- \
		-o lp.c --patch=fix.patch -- gcc -O2 -I. -c in2.c
}

case_patch_header_through_header_object() {
	write_nested_headers 'extern int step;\nstatic inline int helper2(int x)\n{\n\treturn x + step;\n}\n'
	write_header_patch inner.h 'int step' 'short step'
	expect_error 1 "^inner\\.h:1: error: the patch changes 'step', an object in this header, which in2\\.c reads through 'outer\\.h', so lp\\.c #includes it unpatched: only static functions and macros changed there can be copied into lp\\.c under new names\$" -- \
		-o lp.c --patch=fix.patch -- gcc -O2 -I. -c in2.c
}

case_patch_header_through_header_directive() {
	write_nested_headers '#ifdef FAST\n#define STEP 2\n#else\n#define STEP 1\n#endif\nstatic inline int helper2(int x)\n{\n\treturn x + STEP;\n}\n'
	write_header_patch inner.h '#ifdef FAST' '#ifndef FAST'
	expect_error 1 "^inner\\.h:1: error: the patch changes a preprocessor directive in this header, which in2\\.c reads through 'outer\\.h', so lp\\.c #includes it unpatched: only static functions and macros changed there can be copied into lp\\.c under new names\$" -- \
		-o lp.c --patch=fix.patch -- gcc -O2 -I. -c in2.c
}

case_patch_header_not_redirected() {	# "inner.h" from outer.h's directory: no include directory to shadow
	printf 'static inline int helper2(int x)\n{\n\treturn x + 1;\n}\n' >"$WORK/inner.h"
	printf '#include "inner.h"\n' >"$WORK/outer.h"
	printf '#include "outer.h"\nint pu_g(int x)\n{\n\treturn helper2(x) * 2;\n}\n' >"$WORK/in2.c"
	write_header_patch inner.h 'x + 1' 'x + 2'
	expect_error 1 "^inner\.h:3: error: cannot make the patched compile of in2\.c read the patched header: GCC finds it as 'inner\.h', not through an include directory of the command line$" -- \
		-o lp.c --patch=fix.patch -- gcc -O2 -c in2.c
}

# fix.patch: in.c's helper returning x + 2 (made by diff -u, as a user would).
write_fix_patch() {
	(cd "$WORK" && mkdir a b && cp in.c a/ && sed "s/x + 1;/${1:-x + 2;}/" in.c >b/in.c &&
		{ diff -u a/in.c b/in.c >fix.patch; rm -rf a b; })
}

# A patch naming files outside the tree is refused before anything runs.
unsafe_patch() {	# NAME-IN-PATCH
	printf -- '--- %s\n+++ %s\n@@ -1,3 +1,3 @@\n static int helper(int x)\n {\n-\treturn x + 1;\n+\treturn x + 2;\n' \
		"$1" "$1" >"$WORK/fix.patch"
	expect_error 1 "^fix\.patch:1: error: the patch names '${1//./\\.}': a file outside the current directory \(absolute path or '\.\.'\)$" -- \
		-o lp.c --patch=fix.patch -- gcc -O2 -c in.c
}

case_patch_dotdot_path() {
	mkdir -p "$WORK/s/t" "$H/tmp" && mv "$WORK/in.c" "$WORK/s/t/" && printf '#define V 1\n' >"$WORK/victim.h"
	KLP_ENV=(TMPDIR="$H/tmp")
	WORK=$WORK/s/t unsafe_patch b/../../victim.h
	[ -z "$(find "$H" -name victim.h)" ] || fail "a file was written outside the scratch directory"
	[ -z "$(ls -A "$H/tmp")" ] || fail "scratch left behind"
}

case_patch_absolute_path() {
	unsafe_patch "$WORK/in.c"
}

# The internal compiles of --patch write nothing of the user's options' files.
case_patch_output_options() {
	local before now
	write_fix_patch
	before=$(listing)
	run_k -o lp.c --patch=fix.patch -- gcc -O2 -save-temps -Wa,-al=listing.txt,--noexecstack \
		-Wp,-MMD,wp.d -MD -MF dep.d -fdump-tree-original=tree.dump -fstack-usage \
		-fcallgraph-info -aux-info aux.txt -c in.c -o in.o
	[ "$STATUS" -eq 0 ] || { fail "exit status $STATUS: $(head -n 3 "$H/err")"; return; }
	now=$(listing)
	[ "$now" = "$(printf '%s\n./lp.c' "$before" | LC_ALL=C sort)" ] ||
		fail "files written besides lp.c: $(diff <(echo "$before") <(echo "$now") | grep '^>' | tr '\n' ' ')"
}

# A failing patched compile shows GCC's error, not an -H line naming a header "error...".
case_patch_compile_error() {
	printf '#define ONE 1\n' >"$WORK/errors.h"
	sed -i '1i #include "errors.h"' "$WORK/in.c"
	write_fix_patch 'x + undeclared_thing;'
	expect_error 1 "^klp-ccp: error: compiling the patched in\.c failed: in\.c:4:[0-9]+: error: .{1,3}undeclared_thing.{1,3} undeclared.*$" -- \
		-o lp.c --patch=fix.patch -- gcc -O2 -c in.c
}

# GNU patch takes a patch with CRLF line ends; so does --patch (names
# without a timestamp after them, as git writes them, end in the CR).
case_patch_crlf() {
	(cd "$WORK" && sed 's/x + 1;/x + 2;/' in.c >new.c &&
		{ diff -u --label a/in.c --label b/in.c in.c new.c >fix.patch; rm new.c; })
	sed -i 's/$/\r/' "$WORK/fix.patch"
	expect_success -o lp.c --patch=fix.patch -- gcc -O2 -c in.c
	grep -q 'x + 2' "$WORK/lp.c" || fail "lp.c does not hold the patched helper"
}

# Limits: input GCC compiles must not crash klp-ccp's or libclang's recursion.
write_macro_chain() {	# N: #define M0 M1 ... M(N-1) 1, used by pu_f
	awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "#define M%d M%d\n", i, i + 1;
		printf "#define M%d 1\nint pu_f(void) { return M0; }\n", n }' >"$WORK/in.c"
}

write_nested_args() {	# N: F(F(...F(1)...)) N deep
	awk -v n="$1" 'BEGIN { printf "#define F(x) (x)\nint pu_f(void) { return ";
		for (i = 0; i < n; i++) printf "F("; printf "1";
		for (i = 0; i < n; i++) printf ")"; printf "; }\n" }' >"$WORK/in.c"
}

case_deep_macro_chain() {
	write_macro_chain 40000
	expect_success -o lp.c --patched-functions=pu_f -- gcc -c in.c
	grep -q '^#define M39999 M40000' "$WORK/lp.c" || fail "the chain's last macro is missing"
}

# 3,000 nested macro arguments overflowed libclang's 8 MiB parser thread; on
# the big stack clang parses them and stops at its bracket limit (256).
case_deep_macro_args() {
	write_nested_args 3000
	(cd "$WORK" && gcc -c in.c -o "$H/gcc.o") || { fail "test bug: gcc rejects the input"; return; }
	run_k -o lp.c --patched-functions=pu_f -- gcc -c in.c
	[ "$STATUS" -eq 1 ] || fail "exit status $STATUS, expected 1 (an error, not a crash)"
	error_lines | tail -n 1 | grep -Eq '^klp-ccp: error: (1|2) parse error\(s\) in the extracted code$' ||
		fail "last error line: $(error_lines | tail -n 1)"
	grep -q 'bracket nesting level exceeded' "$H/err" || fail "no clang bracket error"
	[ ! -e "$WORK/lp.c" ] || fail "lp.c written"
}

# Out of stack all the same (a small stack forced): one clear error, no crash.
case_stack_exhausted_in_parse() {
	write_nested_args 3000
	# a parse abandoned by libclang's crash recovery leaks by design
	KLP_ENV=(KLP_CCP_STACK_MIB=8 ASAN_OPTIONS=detect_leaks=0)
	NO_PREEXISTING=1 expect_error 1 "^klp-ccp: error: in\.c: libclang could not parse the file: libclang crashed \(deeply nested input can exhaust its stack: KLP_CCP_STACK_MIB\) \(error 2\)$" -- \
		-o lp.c --patched-functions=pu_f -- gcc -c in.c
}

case_stack_exhausted_clear_error() {
	write_nested_args 3000
	KLP_ENV=(KLP_CCP_STACK_MIB=8 LIBCLANG_DISABLE_CRASH_RECOVERY=1)
	NO_PREEXISTING=1 expect_error 1 "^klp-ccp: error: the input nests too deeply: the parser ran out of its stack \(KLP_CCP_STACK_MIB, default 1024 MiB\)$" -- \
		-o lp.c --patched-functions=pu_f -- gcc -c in.c
}

# --- main ------------------------------------------------------------------------

if [ "$CASE" = --list ]; then
	declare -F | awk '$3 ~ /^case_/ { sub(/^case_/, "", $3); print $3 }'
	exit 0
fi
declare -F "case_$CASE" >/dev/null || { echo "usage: $0 CASE | --list" >&2; exit 2; }
[ -x "$KLP_CCP" ] || { echo "FAIL errors/$CASE: $KLP_CCP not found"; exit 1; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/klp-errors-$CASE.XXXXXX")
H=$WORK/.harness
mkdir "$H"
write_input "$WORK/in.c"
STATUS=0 CMD=() HOOK_PID=
"case_$CASE"
if [ "$FAILED" -ne 0 ]; then
	echo "---- work dir: $WORK; last command (cwd = work dir):"
	printf '%q ' "${CMD[@]}"
	echo
	echo "---- exit status $STATUS, stderr:"
	head -n 20 "$H/err"
	exit 1
fi
[ "${KLP_ERRORS_KEEP:-0}" = 1 ] && echo "work dir kept: $WORK" || rm -rf "$WORK"
echo "PASS errors/$CASE"
