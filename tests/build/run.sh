#!/usr/bin/env bash
# klp-ccp build: one command from a fix to a livepatch module, on the corpus
# kernel tree (built by tests/boot/build-kernel.sh; exit 77 without it).
#
#   run.sh two-units          a two-file fix (kernel/exit.c, fs/pipe.c) in one
#                             patch -> a .ko with klp relocations, checked with
#                             readelf/nm against Module.symvers; run from
#                             another directory with relative paths; a hunk
#                             applied with fuzz: a warning at its line in the
#                             user's patch
#   run.sh patched-functions  the same units by --patched-functions=UNIT:F (one
#                             function inlined: its caller added by IPA clones,
#                             the summary says which code it holds)
#   run.sh header-unit        a fix to a header only, with --unit=ipc/msg.c
#   run.sh header-inline      release_task calls include/linux/ptrace.h's
#                             ptrace_unlink(), which calls the non-exported
#                             __ptrace_unlink: a klp relocation, listed with
#                             the inline it comes from; unplaced, a clear
#                             error naming it before modpost
#   run.sh errors             one-line errors, exit 1, never a .ko
#   run.sh parts              (no corpus) a header and a .c fix as plain
#                             "diff -u": hunks named at their line in the
#                             user's patch (fuzz warning, does-not-apply error)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
KLP_CCP=${KLP_CCP:-$src/build/klp-ccp}
CORPUS=${CORPUS:-$HOME/.cache/klp-ccp-corpus}
tree=$CORPUS/linux
need_corpus() {
	for f in "$tree/vmlinux" "$tree/Module.symvers" "$CORPUS/kernel-build.stamp"; do
		[ -e "$f" ] || { echo "SKIP: no built corpus kernel ($f; run tests/boot/build-kernel.sh)"; exit 77; }
	done
}
work=$(mktemp -d "${TMPDIR:-/tmp}/klp-build-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
fixes=$src/tests/boot/fixes

# A module: livepatch=Y, every undefined symbol exported by the kernel, the
# given symbols as livepatch symbols (SHN_LIVEPATCH) with .klp.rela sections.
check_module() {	# KO SYMBOL...
	local ko=$1 s
	shift
	[ -f "$ko" ] || fail "no module $ko"
	modinfo -F livepatch "$ko" 2>/dev/null | grep -qx Y ||
		readelf -p .modinfo "$ko" | grep -q 'livepatch=Y' || fail "$ko: not a livepatch"
	cut -f2 "$tree/Module.symvers" | sort -u >"$work/exported"
	nm -u "$ko" | awk '{print $2}' | sort -u | comm -23 - "$work/exported" >"$work/unexported"
	[ -s "$work/unexported" ] && fail "$ko: undefined non-exported symbols: $(tr '\n' ' ' <"$work/unexported")"
	readelf -SW "$ko" | grep -q '\.klp\.rela\.vmlinux\.' || fail "$ko: no .klp.rela.vmlinux.* section"
	for s in "$@"; do
		readelf -sW "$ko" | grep -Eq "OS \[0xff20\] \.klp\.sym\.vmlinux\.$s,[0-9]+$" ||
			fail "$ko: $s is not a livepatch symbol"
	done
}

two_units() {
	# as mailed (a header first), fs/pipe.c's hunk made against a source whose
	# comment line above pipefs_dname differs: applied with fuzz, a warning
	# naming the hunk's line in two-fixes.patch
	{ printf 'From: a kernel author\nSubject: [PATCH] two fixes\n\n---\n'
	  cat "$fixes/exit-group.patch"
	  sed 's|^  \*/$|  * (a comment changed since) */|' "$fixes/pipe-dname.patch"; } >"$work/two-fixes.patch"
	grep -q '(a comment changed since)' "$work/two-fixes.patch" || fail "test bug: no fuzz made"
	local at
	at=$(grep -n '^@@' "$work/two-fixes.patch" | sed -n 2p | cut -d: -f1)
	mkdir "$work/elsewhere"
	# relative paths, from a directory that is neither the tree nor the output's
	(cd "$work/elsewhere" && "$KLP_CCP" build --tree="$tree" --patch=../two-fixes.patch \
		-o ../out -j 2) >"$work/out.txt" 2>&1 || fail "build: $(cat "$work/out.txt")"
	cat "$work/out.txt"
	[ "$(grep -c "^\.\./two-fixes\.patch:$at: warning: hunk #1 of fs/pipe.c (@@ -867,7 +867,7 @@) applied with fuzz 1 " "$work/out.txt")" = 1 ] ||
		fail "not one fuzz warning naming ../two-fixes.patch:$at"
	grep -q 'units/.*\.patch:[0-9]' "$work/out.txt" && fail "a diagnostic names the per-unit patch"
	grep -q 'klp-pipe:\[%lu\]' "$work/out/lp_fs_pipe.c" || fail "the fuzzed fix is not in lp_fs_pipe.c"
	check_module "$work/out/klp_two_fixes.ko" do_group_exit dynamic_dname
	# each unit got only its own file's part of the patch
	grep -q '^+++ b/kernel/exit.c' "$work/out/units/kernel_exit.patch" &&
		! grep -q pipe.c "$work/out/units/kernel_exit.patch" || fail "kernel/exit.c's part"
	grep -q '^+++ b/fs/pipe.c' "$work/out/units/fs_pipe.patch" &&
		! grep -q exit.c "$work/out/units/fs_pipe.patch" || fail "fs/pipe.c's part"
	grep -q 'kernel/exit.c: patched __x64_sys_exit_group, __ia32_sys_exit_group' "$work/out.txt" &&
		grep -q 'fs/pipe.c: patched pipefs_dname' "$work/out.txt" &&
		grep -Eq 'through klp relocations: [0-9]+ \(.*vmlinux\.do_group_exit,' "$work/out.txt" &&
		grep -qx "  module: $work/out/klp_two_fixes.ko" "$work/out.txt" || fail "summary"
	# the fix is in the module's code: exit.c's patched copy compares with 42
	grep -q 'error_code == 42' "$work/out/lp_kernel_exit.c" || fail "the fix is not in lp_kernel_exit.c"
	echo "PASS: two units, one command"
}

patched_functions() {
	"$KLP_CCP" build --tree="$tree" --patched-functions=kernel/exit.c:__x64_sys_exit_group \
		--patched-functions=fs/pipe.c:pipefs_dname,is_packetized -o "$work/pf" --name=klp_pf \
		>"$work/out.txt" 2>&1 || fail "build: $(cat "$work/out.txt")"
	cat "$work/out.txt"
	check_module "$work/pf/klp_pf.ko" do_group_exit dynamic_dname
	grep -q '\.old_name = "__x64_sys_exit_group"' "$work/pf/livepatch.c" &&
		grep -q '\.old_name = "pipefs_dname"' "$work/pf/livepatch.c" || fail "klp_funcs"
	# GCC inlined is_packetized into pipe_write only (the tree's clone dump)
	grep -q '\.old_name = "pipe_write"' "$work/pf/livepatch.c" || fail "pipe_write not patched"
	# is_packetized has no body of its own: not patched, its code is patched in pipe_write
	grep -q 'kernel/exit.c: patched __x64_sys_exit_group;' "$work/out.txt" &&
		grep -q '^  fs/pipe.c: patched pipefs_dname, pipe_write (added by IPA clones: contains is_packetized); not patched: is_packetized (no body of its own in the binary: GCC inlined it everywhere or left only clones; copied into the patched functions holding its code); [0-9]* externalized' "$work/out.txt" ||
		fail "summary"
	echo "PASS: --patched-functions"
}

# A header-only fix: the unit it reaches named with --unit.
header_unit() {
	"$KLP_CCP" build --tree="$tree" --patch="$src/tests/patch/corpus/ipc-update-pid.patch" \
		--unit=ipc/msg.c -o "$work/hu" >"$work/out.txt" 2>&1 || fail "build: $(cat "$work/out.txt")"
	cat "$work/out.txt"
	[ -f "$work/hu/klp_ipc-update-pid.ko" ] && fail "module name not sanitized"
	check_module "$work/hu/klp_ipc_update_pid.ko"
	grep -q '\.old_name = "do_msgsnd"' "$work/hu/livepatch.c" || fail "do_msgsnd is not patched"
	grep -q 'old != pid && pid' "$work/hu/lp_ipc_msg.c" || fail "the header's fix is not in the module"
	echo "PASS: header fix with --unit"
}

# A header inline's call to a non-exported global (lp.c keeps the #include).
header_inline() {
	"$KLP_CCP" build --tree="$tree" --patched-functions=kernel/exit.c:__exit_signal \
		-o "$work/hi" >"$work/out.txt" 2>&1 || fail "build: $(cat "$work/out.txt")"
	cat "$work/out.txt"
	check_module "$work/hi/klp_ccp_patch.ko" __ptrace_unlink
	# __exit_signal, static, is inlined into release_task: that is what is patched
	grep -q '^  kernel/exit.c: patched release_task (added by IPA clones: contains __exit_signal); not patched: __exit_signal (no body of its own in the binary' "$work/out.txt" ||
		fail "summary: $(grep 'kernel/exit.c:' "$work/out.txt")"
	grep -q '\.old_name = "release_task"' "$work/hi/livepatch.c" &&
		! grep -q '\.old_name = "__exit_signal"' "$work/hi/livepatch.c" || fail "klp_funcs"
	# without a clone dump of the unit (another unit's given), __exit_signal
	# stays patched: the running kernel has no such symbol, so glue refuses
	# (its klp_func could not load) and no module is built
	"$KLP_CCP" build --tree="$tree" --patched-functions=kernel/exit.c:__exit_signal \
		--ipa-clones=fs/pipe.c.000i.ipa-clones -o "$work/nd" >"$work/nd.txt" 2>&1 &&
		fail "build of a livepatch that could not load succeeded: $(cat "$work/nd.txt")"
	grep -q "kernel_exit.yaml:[0-9]*:[0-9]*: error: patched function '__exit_signal' has no symbol in the target" "$work/nd.txt" ||
		fail "no error naming __exit_signal: $(cat "$work/nd.txt")"
	find "$work/nd" -name '*.ko' | grep -q . && fail "a module was built for __exit_signal"
	grep -q "warning: patched function '__exit_signal' is inlined into release_task in vmlinux: patch those too" "$work/nd/units/kernel_exit.log" ||
		fail "no warning naming release_task"
	grep -q '^#include <linux/ptrace.h>' "$work/hi/lp_kernel_exit.c" ||
		fail "lp.c does not include linux/ptrace.h (the test would be vacuous)"
	grep -A7 -- '- name: __ptrace_unlink$' "$work/hi/units/kernel_exit.yaml" |
		grep -q 'via: ptrace_unlink' || fail "report: __ptrace_unlink not listed via ptrace_unlink"
	# unplaced (as before the fix): the step before modpost names the symbol and its user
	grep -v '^__ptrace_unlink ' "$work/hi/klp-symbols" >"$work/syms" && cp "$work/syms" "$work/hi/klp-symbols"
	make -C "$work/hi" >"$work/make.out" 2>&1 && fail "make with __ptrace_unlink unplaced succeeded"
	grep -q "klp-ccp: error: .*klp_ccp_patch.o: undefined symbol '__ptrace_unlink' (used by '[a-z_]*') is neither exported" \
		"$work/make.out" || fail "no clear error for the unplaced symbol: $(cat "$work/make.out")"
	echo "PASS: header inline's non-exported callee"
}

expect_error() {	# NAME PATTERN CMD...: exit 1, one error line matching, no .ko anywhere
	local name=$1 pat=$2 rc
	shift 2
	"$@" >"$work/$name.out" 2>&1
	rc=$?
	[ $rc = 1 ] || fail "$name: exit $rc (want 1): $(cat "$work/$name.out")"
	grep -q "error: .*$pat" "$work/$name.out" || fail "$name: no error matching '$pat': $(cat "$work/$name.out")"
	[ "$(grep -c 'error:' "$work/$name.out")" = 1 ] || fail "$name: not one error line: $(cat "$work/$name.out")"
	find "$work" -name '*.ko' | grep -q . && fail "$name: a .ko was left: $(find "$work" -name '*.ko')"
	echo "ok: $name: $(grep 'error:' "$work/$name.out")"
}

errors() {
	local B=("$KLP_CCP" build --tree="$tree") rc
	expect_error no-tree '--tree=KERNEL_TREE and -o OUTDIR are required' "$KLP_CCP" build -o "$work/x" --patch="$fixes/cmdline.patch"
	expect_error bad-jobs "-j wants a number from 1 to 1024, not '2x'" "${B[@]}" -o "$work/x" -j 2x --patch="$fixes/cmdline.patch"
	expect_error bad-spec 'UNIT.c:FUNCTION' "${B[@]}" -o "$work/x" --patched-functions=cmdline_proc_show
	# a unit the tree does not build (32-bit only)
	printf -- '--- a/arch/x86/kernel/apm_32.c\n+++ b/arch/x86/kernel/apm_32.c\n@@ -1,1 +1,2 @@\n+/* x */\n %s\n' \
		"$(head -1 "$tree/arch/x86/kernel/apm_32.c")" >"$work/apm.patch"
	expect_error not-built 'arch/x86/kernel/apm_32.c is not built in .*no arch/x86/kernel/.apm_32.o.cmd' \
		"${B[@]}" -o "$work/x" --patch="$work/apm.patch"
	[ -e "$work/x" ] && fail "not-built: the output directory was created"
	printf -- '--- a/Makefile\n+++ b/Makefile\n@@ -1,1 +1,2 @@\n+# x\n %s\n' \
		"$(head -1 "$tree/Makefile")" >"$work/mk.patch"
	expect_error not-c "changes 'Makefile': only C sources" "${B[@]}" -o "$work/x" --patch="$work/mk.patch"
	expect_error header-only 'only headers: name each unit .* --unit=DIR/NAME.c (units including ipc/util.h: .*ipc/msg.c' \
		"${B[@]}" -o "$work/x" --patch="$src/tests/patch/corpus/ipc-update-pid.patch"
	mkdir -p "$work/foreign" && touch "$work/foreign/keep"
	expect_error foreign-outdir "not the output of an earlier klp-ccp build" \
		"${B[@]}" -o "$work/foreign" --patch="$fixes/cmdline.patch"
	[ -e "$work/foreign/keep" ] || fail "foreign-outdir: the directory was touched"
	# two units, the second one's hunk's context is not in the file: the error
	# names the hunk in the user's patch (its line there), then the unit and log
	{ printf 'Subject: [PATCH] two fixes\n\n---\n'; cat "$fixes/pipe-dname.patch"
	  sed 's/^ \tdo_group_exit((error_code/ \tdo_group_exit((code/' "$fixes/exit-group.patch"; } >"$work/stale.patch"
	local at
	at=$(grep -n '^@@' "$work/stale.patch" | sed -n 2p | cut -d: -f1)
	expect_error no-apply "hunk #1 of kernel/exit.c (@@ -1038,6 +1038,8 @@) does not apply: .* (extraction of kernel/exit.c failed; log: $work/na/units/kernel_exit.log)\$" \
		"${B[@]}" -o "$work/na" --patch="$work/stale.patch"
	grep -q "^$work/stale.patch:$at: error: hunk #1 of kernel/exit.c" "$work/no-apply.out" ||
		fail "no-apply: the error is not at $work/stale.patch:$at"
	[ -f "$work/na/units/kernel_exit.log" ] || fail "no-apply: the log is gone"
	# make failing: the error names make.log, and no .ko is left behind
	mkdir -p "$work/bin" && printf '#!/bin/sh\necho "kbuild: error: simulated failure"\nexit 2\n' >"$work/bin/make"
	chmod +x "$work/bin/make"
	expect_error make-fails "make failed: kbuild: error: simulated failure (log: $work/mf/make.log)" \
		env PATH="$work/bin:$PATH" "${B[@]}" -o "$work/mf" --target-object=fs/proc/cmdline.o \
		--patched-functions=fs/proc/cmdline.c:cmdline_proc_show
	# the same directory again: an earlier build's output is replaced
	"${B[@]}" -o "$work/mf" --target-object=fs/proc/cmdline.o --name=klp_again \
		--patched-functions=fs/proc/cmdline.c:cmdline_proc_show >"$work/again.out" 2>&1 ||
		fail "rebuild into an earlier output: $(cat "$work/again.out")"
	[ -f "$work/mf/klp_again.ko" ] || fail "rebuild: no klp_again.ko"
	# interrupted while a unit is extracted: OUTDIR, the extraction and its
	# scratch files are gone
	mkdir -p "$work/tmp"
	TMPDIR=$work/tmp "${B[@]}" -o "$work/sig" --patch="$fixes/exit-group.patch" >"$work/sig.out" 2>&1 &
	local pid=$!
	for _ in $(seq 300); do
		grep -q . "$work/tmp"/klp-ccp-patch-*/patched-src/kernel/exit.c 2>/dev/null && break
		sleep 0.1
	done
	kill -INT $pid
	wait $pid
	rc=$?
	[ $rc = 130 ] || fail "interrupted build: exit $rc (want death by SIGINT): $(cat "$work/sig.out")"
	[ -e "$work/sig" ] && fail "interrupted build: $work/sig is left"
	pgrep -f -- "--outfile=$work/sig/" >/dev/null && fail "interrupted build: an extraction still runs"
	# (GCC's own cc*.s temporaries die with the killed compiler: not klp-ccp's)
	ls -A "$work/tmp" | grep -v '^cc' && fail "interrupted build: scratch files left"
	echo "ok: interrupted build leaves nothing"
	grep -q 'klp-ccp build --tree=' <<<"$("$KLP_CCP" --help)" || fail "klp-ccp --help does not list build"
	grep -q -- '--patched-functions=UNIT.c:F' <<<"$("$KLP_CCP" build --help)" || fail "build --help"
	echo "PASS: errors"
}

# A tree of its own (no kernel): a fix to a header and a .c file as plain
# "diff -u" output after a mail header. Each unit's part is its .c part and
# the header's: a header hunk that does not apply is named at its line in
# the user's patch; applied with fuzz, a warning there (the extraction then
# succeeds; glue refuses the non-kernel facts, which is not tested here).
parts() {
	local t=$work/tree
	mkdir -p "$t/sub" "$work/a/sub" "$work/b/sub"
	printf 'static inline int lim(int x)\n{\n\treturn x > 10 ? 10 : x;\n}\n' >"$t/sub/h.h"
	printf '#include "h.h"\n\nint f(int x)\n{\n\treturn lim(x) + 1;\n}\n\nint g(int x)\n{\n\treturn x * 2;\n}\n' >"$t/sub/a.c"
	printf 'cmd_sub/a.o := gcc -O2 -g -c -o sub/a.o sub/a.c\n' >"$t/sub/.a.o.cmd"
	(cd "$t" && gcc -O2 -g -c -o sub/a.o sub/a.c) || fail "gcc"
	cp "$t/sub/a.c" "$t/sub/h.h" "$work/a/sub/"
	sed 's/x > 10 ? 10/x > 11 ? 11/' "$t/sub/h.h" >"$work/b/sub/h.h"
	sed 's/return x \* 2;/return x * 3;/' "$t/sub/a.c" >"$work/b/sub/a.c"
	(cd "$work" && { printf 'Subject: [PATCH] fix\n\n---\n'; diff -u a/sub/h.h b/sub/h.h; diff -u a/sub/a.c b/sub/a.c; }) >"$work/fix.patch"
	local at
	at=$(grep -n '^@@' "$work/fix.patch" | sed -n 1p | cut -d: -f1)
	# the header's last context line "}" is "} " in the tree: applied with fuzz
	sed -i 's/^}$/} /' "$t/sub/h.h"
	(cd "$work" && "$KLP_CCP" build --tree=tree --patch=fix.patch -o out) >"$work/out.txt" 2>&1
	cat "$work/out.txt"
	grep -q "^fix.patch:$at: warning: hunk #1 of sub/h.h (@@ -1,4 +1,4 @@) applied with fuzz [12] " "$work/out.txt" ||
		fail "no fuzz warning at fix.patch:$at"
	grep -q "^klp-ccp: error: build: glue failed" "$work/out.txt" || fail "the extraction did not succeed"
	grep -q "x \* 3" "$work/out/units/sub_a.c" && grep -q "x > 11" "$work/out/units/sub_a.c" ||
		fail "a file's fix is not in the unit's lp.c"
	# the removed line differs: the header's hunk does not apply
	sed -i 's/x > 10 ? 10/x > 12 ? 12/' "$t/sub/h.h"
	(cd "$work" && "$KLP_CCP" build --tree=tree --patch=fix.patch -o out) >"$work/out.txt" 2>&1 &&
		fail "build succeeded"
	cat "$work/out.txt"
	grep -qx "fix.patch:$at: error: hunk #1 of sub/h.h (@@ -1,4 +1,4 @@) does not apply: .* (extraction of sub/a.c failed; log: $work/out/units/sub_a.log)" "$work/out.txt" ||
		fail "the error is not at fix.patch:$at"
	echo "PASS: parts of a plain diff, named in the user's patch"
}

case ${1:-} in
parts) parts ;;
two-units) need_corpus; two_units ;;
patched-functions) need_corpus; patched_functions ;;
header-unit) need_corpus; header_unit ;;
header-inline) need_corpus; header_inline ;;
errors) need_corpus; errors ;;
*) echo "usage: $0 parts|two-units|patched-functions|header-unit|header-inline|errors"; exit 2 ;;
esac
