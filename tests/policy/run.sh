#!/usr/bin/env bash
# Policy hook processes and the policy server (src/hook_spawn.c,
# src/pol_server.c, policies/server.sh, policies/kernel/server,
# policies/script-server): one case per run, run.sh --list lists them.
# Exit 0 pass, 1 fail, 77 skipped (no corpus for the kernel cases).
set -u
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
KLP_CCP=${KLP_CCP:-$REPO/build/klp-ccp}
case $KLP_CCP in /*) ;; */*) KLP_CCP=$PWD/$KLP_CCP ;; esac	# the cases cd
TOY=$REPO/policies/toy
KP=$REPO/policies/kernel
CORPUS=${CORPUS:-$HOME/.cache/klp-ccp-corpus}
CASE=${1:-}
FAILED=0

fail() {
	echo "FAIL policy/$CASE: $*"
	FAILED=1
}

write_input() {
	cat >"$WORK/in.c" <<-'C'
	int eu_o;
	static int helper(int x)
	{
		return x + eu_o;
	}

	int pu_f(int x)
	{
		return helper(x) * 2 + eu_o;
	}
	C
}

# run ARG...: klp-ccp ARG... in $WORK; $STATUS, $WORK/err, $SECONDS_TAKEN
run() {
	local t0=$SECONDS
	(cd "$WORK" && timeout 300 "$KLP_CCP" "$@" </dev/null >"$WORK/out" 2>"$WORK/err")
	STATUS=$?
	SECONDS_TAKEN=$((SECONDS - t0))
}

# expect_error REGEX ARG...: fails with one error line matching REGEX, no lp.c
expect_error() {
	local re=$1
	shift
	rm -f "$WORK/lp.c"
	run "$@"
	[ "$STATUS" -eq 1 ] || fail "exit status $STATUS, expected 1"
	grep -Eq -- "$re" "$WORK/err" || fail "stderr lacks /$re/: $(head -c 600 "$WORK/err")"
	[ ! -e "$WORK/lp.c" ] || fail "lp.c written"
}

expect_ok() {
	run "$@"
	[ "$STATUS" -eq 0 ] || fail "exit status $STATUS: $(head -c 600 "$WORK/err")"
}

all_toy_hooks() {
	TOY_HOOKS=(-I "$TOY/is-patched" -H "$TOY/may-include-header"
		   -F "$TOY/can-externalize-fun" -S "$TOY/shall-externalize-fun"
		   -O "$TOY/shall-externalize-obj" -E "$TOY/modify-externalized-sym"
		   -P "$TOY/modify-patched-fun-sym" -R "$TOY/rename-rewritten-fun")
}

# ---- hook processes -------------------------------------------------------

# A plain hook path is executed directly (its parent is klp-ccp); a command
# with shell syntax still runs through /bin/sh -c.
case_direct_exec() {
	write_input
	cat >"$WORK/hook.sh" <<-'EOF'
	#!/bin/sh
	cat /proc/$PPID/comm >>"$KLP_CCP_CWD/parents"
	echo "RESULT: YES"
	EOF
	chmod +x "$WORK/hook.sh"
	expect_ok -o lp.c --patched-functions=pu_f -O "$WORK/hook.sh" -- gcc -c in.c
	[ "$(cat "$WORK/parents")" = klp-ccp ] ||
		fail "the plain hook's parent is '$(cat "$WORK/parents")', not klp-ccp"
	rm -f "$WORK/parents"
	expect_ok -o lp.c --patched-functions=pu_f -O "$WORK/hook.sh"' "$@" && :' -- gcc -c in.c
	[ "$(cat "$WORK/parents")" = sh ] ||
		fail "a hook with shell syntax runs without the shell (parent '$(cat "$WORK/parents")')"
	grep -q 'extern int eu_o;' "$WORK/lp.c" || fail "lp.c does not externalize eu_o"
}

# Arguments the shell would split or expand reach a plain hook verbatim.
case_direct_exec_args() {
	write_input
	printf '#!/bin/sh\n[ "$1" = "a*b" ] && [ "$2" = eu_o ] && echo "RESULT: YES"\n' >"$WORK/h"
	chmod +x "$WORK/h"
	expect_ok -o lp.c --patched-functions=pu_f -O "$WORK/h a*b" -- gcc -c in.c
	grep -q 'extern int eu_o;' "$WORK/lp.c" || fail "lp.c does not externalize eu_o"
}

# An endless writer is stopped at the 1 MiB output limit, not at the time limit.
case_endless_output() {
	write_input
	expect_error "hook shall-externalize-obj .* failed: wrote more than 1048576 bytes of output$" \
		-o lp.c --patched-functions=pu_f --pol-cmd-timeout=100 -O "/usr/bin/yes RESULT: YES" \
		-- gcc -c in.c
	[ "$SECONDS_TAKEN" -lt 30 ] || fail "took ${SECONDS_TAKEN}s: not stopped at the output limit"
	# the same through the shell
	expect_error "failed: wrote more than 1048576 bytes of output$" \
		-o lp.c --patched-functions=pu_f --pol-cmd-timeout=100 -O "yes 'RESULT: YES'" \
		-- gcc -c in.c
	[ "$SECONDS_TAKEN" -lt 30 ] || fail "took ${SECONDS_TAKEN}s through the shell"
}

# 20,000 patched functions: KLP_CCP_PATCHED_FUNCTIONS (240 KB) would exceed the
# kernel's 128 KiB per-string limit; it comes as KLP_CCP_PATCHED_FUNCTIONS_FILE.
# (is-patched is answered by a server: 20,000 hook processes take minutes.)
case_long_list_file() {
	awk 'BEGIN { print "int eu_o;"; for (i = 0; i < 20000; i++) printf "int pu_function_%05d(void) { return eu_o; }\n", i }' >"$WORK/in.c"
	cat >"$WORK/hook.sh" <<-'EOF'
	#!/bin/sh
	[ -z "${KLP_CCP_PATCHED_FUNCTIONS+set}" ] || { echo "list in the environment" >&2; exit 1; }
	n=$(wc -w <"$KLP_CCP_PATCHED_FUNCTIONS_FILE")
	[ "$n" -eq 20000 ] || { echo "$n names" >&2; exit 1; }
	echo "$KLP_CCP_PATCHED_FUNCTIONS_FILE" >>"$KLP_CCP_CWD/files"
	echo "RESULT: YES"
	EOF
	chmod +x "$WORK/hook.sh"
	server_script 'case $2 in pu_*) echo "RESULT: YES" ;; *) echo "RESULT: NO" ;; esac' \
		'serve is-patched'
	expect_ok -o lp.c --pol-server="$WORK/server" -O "$WORK/hook.sh" -- gcc -c in.c
	[ -s "$WORK/files" ] || fail "the hook was not asked"
	while read -r f; do
		[ ! -e "$f" ] || fail "$f left behind"
	done <"$WORK/files"
	# the kernel policy's shall-externalize-fun reads the list from the file
	# (a function inlined into a patched one is copied), also as a server
	printf 'static int helper(void) { return 1; }\nint pu_f(void) { return helper(); }\n' >>"$WORK/in.c"
	cat >"$WORK/kserver" <<-EOF
	#!/bin/sh
	kp_lib=\$\$
	. '$KP/lib.sh'
	. '$KP/shall-externalize-fun'
	. '$REPO/policies/server.sh'
	answer() {
		case \$1 in
		is-patched) case \$2 in pu_*) echo "RESULT: YES" ;; *) echo "RESULT: NO" ;; esac ;;
		*) shift; KLP_CCP_SYM_NAME=helper KLP_CCP_SYM_INLINED_INTO=pu_f kernel_shall_externalize_fun "\$@" ;;
		esac
	}
	serve is-patched shall-externalize-fun
	EOF
	chmod +x "$WORK/kserver"
	expect_ok -o lp.c --pol-server="$WORK/kserver" -- gcc -c in.c
	grep -q 'static int helper(void)' "$WORK/lp.c" || fail "helper not copied: the list was not read"
}

# An argument over the kernel's per-string limit: E2BIG reported as such.
case_e2big() {
	local long
	long=pu_$(head -c 140000 /dev/zero | tr '\0' x)
	printf 'int %s(void) { return 1; }\n' "$long" >"$WORK/in.c"
	expect_error "^klp-ccp: error: hook is-patched \('$TOY/is-patched' 'pu_x{197}\.\.\.'\) failed: could not run: its arguments and environment exceed the kernel's limit \(E2BIG: Argument list too long\)$" \
		-o lp.c -I "$TOY/is-patched" -- gcc -c in.c
	[ "$(wc -l <"$WORK/err")" -eq 1 ] || fail "more than one line: $(head -c 300 "$WORK/err")"
	[ "$(wc -c <"$WORK/err")" -lt 2000 ] || fail "the error line is $(wc -c <"$WORK/err") bytes"
}

# KLP_CCP_TIMING=1: every phase measured, the parse not hidden in a 0 line.
case_timing_phases() {
	write_input
	(cd "$WORK" && KLP_CCP_TIMING=1 "$KLP_CCP" -o lp.c --patched-functions=pu_f -- gcc -c in.c) \
		2>"$WORK/err" || fail "exit status $?"
	for p in prepare facts parse index extract; do
		grep -Eq "^klp-ccp: timing: $p [0-9]+\.[0-9]{3} s$" "$WORK/err" || fail "no $p phase"
	done
	! grep -q "prepare+parse" "$WORK/err" || fail "a prepare+parse line"
	grep -Eq "^klp-ccp: timing: parse 0\.00[1-9]|^klp-ccp: timing: parse 0\.0[1-9]|^klp-ccp: timing: parse [1-9]" "$WORK/err" ||
		fail "the parse took no time: $(cat "$WORK/err")"
}

# ---- messages -------------------------------------------------------------

# Answers are quoted, shortened and escaped: CR, ESC, 900 KB.
case_answer_escaped() {
	write_input
	printf '#!/bin/sh\nprintf "RESULT: \\033[31mred\\r"\nhead -c 900000 /dev/zero | tr "\\0" y\necho\n' >"$WORK/h"
	chmod +x "$WORK/h"
	expect_error "hook shall-externalize-obj .* failed: invalid answer '\\\\x1b\[31mred\\\\x0dyyy+\.\.\.' \(expected YES or NO\)$" \
		-o lp.c --patched-functions=pu_f -O "$WORK/h" -- gcc -c in.c
	[ "$(wc -c <"$WORK/err")" -lt 1000 ] || fail "the error is $(wc -c <"$WORK/err") bytes"
	! grep -q $'[\r\033]' "$WORK/err" || fail "raw control characters in the error"
	printf '#!/bin/sh\nprintf "RESULT: x\\033[2J MAKE-EXTERNAL\\n"\n' >"$WORK/h2"
	chmod +x "$WORK/h2"
	expect_error "invalid answer 'x\\\\x1b\[2J MAKE-EXTERNAL': NEW-NAME 'x\\\\x1b\[2J' is not a C identifier$" \
		-o lp.c --patched-functions=pu_f -P "$WORK/h2" -- gcc -c in.c
}

# WARNING text is shortened (and escaped) too.
case_warning_shortened() {
	write_input
	printf '#!/bin/sh\nprintf "WARNING: \\033[1m"\nhead -c 50000 /dev/zero | tr "\\0" w\necho\necho "RESULT: YES"\n' >"$WORK/h"
	chmod +x "$WORK/h"
	expect_ok -o lp.c --patched-functions=pu_f -O "$WORK/h" -- gcc -c in.c
	grep -Eq "warning: shall-externalize-obj: \\\\x1b\[1mw+\.\.\.$" "$WORK/err" ||
		fail "no shortened warning: $(head -c 300 "$WORK/err")"
	[ "$(wc -c <"$WORK/err")" -lt 1500 ] || fail "the warning is $(wc -c <"$WORK/err") bytes"
}

# ---- the policy server ----------------------------------------------------

# server_script BODY: $WORK/server, a sh policy server whose answer() is BODY
server_script() {
	{
		echo '#!/bin/sh'
		echo ". '$REPO/policies/server.sh'"
		echo "answer() { $1"
		echo '}'
		echo "${2:-serve shall-externalize-obj}"
	} >"$WORK/server"
	chmod +x "$WORK/server"
}

# Questions carry the hook's variables and arguments; answers, WARNING and
# ERROR lines are handled as a hook's; the server is started once.
case_server_protocol() {
	write_input
	server_script 'echo "$$" >>"$KLP_CCP_CWD/pids"
	[ "$1 $2 $KLP_CCP_HOOK $KLP_CCP_OBJ_SCOPE ${KLP_CCP_SOURCE##*/}" = "shall-externalize-obj eu_o shall-externalize-obj file in.c" ] || echo "bad question: $*" >&2
	echo "WARNING: asked about $2"; echo "RESULT: YES"' \
		'serve shall-externalize-obj modify-patched-fun-sym'
	# modify-patched-fun-sym is announced but given its own command: that wins
	expect_ok -o lp.c --patched-functions=pu_f --pol-server="$WORK/server" \
		-P "$TOY/modify-patched-fun-sym" -- gcc -c in.c
	grep -q 'warning: shall-externalize-obj: asked about eu_o' "$WORK/err" ||
		fail "no warning: $(cat "$WORK/err")"
	grep -q 'extern int eu_o;' "$WORK/lp.c" || fail "eu_o not externalized"
	grep -q 'klpp_pu_f' "$WORK/lp.c" || fail "the -P command was not used"
	[ "$(sort -u "$WORK/pids" | wc -l)" -eq 1 ] || fail "more than one server process"
	server_script 'echo "ERROR: no $2"; echo "RESULT: YES"'
	expect_error "in.c:1:5: error: shall-externalize-obj: no eu_o" \
		-o lp.c --patched-functions=pu_f --pol-server="$WORK/server" -- gcc -c in.c
}

# Dying, garbage, standard error, silence, a bad introduction: hook failures.
case_server_failures() {
	local pre="^klp-ccp: error: hook shall-externalize-obj \('$WORK/server' eu_o\) failed: "
	write_input
	server_script 'exit 3'
	expect_error "${pre}the policy server exited with status 3$" \
		-o lp.c --patched-functions=pu_f --pol-server="$WORK/server" -- gcc -c in.c
	server_script 'echo "RESULT: maybe"'
	expect_error "${pre}invalid answer 'maybe' \(expected YES or NO\)$" \
		-o lp.c --patched-functions=pu_f --pol-server="$WORK/server" -- gcc -c in.c
	server_script 'printf "hello\\033\\n"'
	expect_error "${pre}unexpected output line 'hello\\\\x1b'$" \
		-o lp.c --patched-functions=pu_f --pol-server="$WORK/server" -- gcc -c in.c
	server_script 'echo oops >&2'
	expect_error "${pre}wrote to standard error: 'oops'$" \
		-o lp.c --patched-functions=pu_f --pol-server="$WORK/server" -- gcc -c in.c
	server_script 'sleep 100'
	expect_error "${pre}timed out after 1 s \(see --pol-cmd-timeout\)$" \
		-o lp.c --patched-functions=pu_f --pol-cmd-timeout=1 --pol-server="$WORK/server" \
		-- gcc -c in.c
	[ "$SECONDS_TAKEN" -lt 20 ] || fail "took ${SECONDS_TAKEN}s"
	! pgrep -f "$WORK/server" >/dev/null || fail "the server's group was not killed"
	server_script 'kill -9 $$'
	expect_error "${pre}the policy server was killed by signal 9 \(Killed\)$" \
		-o lp.c --patched-functions=pu_f --pol-server="$WORK/server" -- gcc -c in.c
	server_script ':' 'echo "HELLO"'
	expect_error "^klp-ccp: error: policy server \('$WORK/server'\) failed: its first line is not 'HOOKS: HOOK...'$" \
		-o lp.c --patched-functions=pu_f --pol-server="$WORK/server" -- gcc -c in.c
	server_script ':' 'serve shall-externalize-obj no-such-hook'
	expect_error "policy server .* failed: its HOOKS: line names an unknown hook 'no-such-hook'$" \
		-o lp.c --patched-functions=pu_f --pol-server="$WORK/server" -- gcc -c in.c
	expect_error "policy server \('/nonexistent/server'\) failed: wrote to standard error: '.*/nonexistent/server: not found'$" \
		-o lp.c --patched-functions=pu_f --pol-server=/nonexistent/server -- gcc -c in.c
	expect_error "no patched functions given .*--pol-server answering is-patched" \
		-o lp.c --pol-server="$REPO/policies/kernel/server" -- gcc -c in.c
}

# A server that does not end at the end of its input is killed, with its group.
case_server_stopped() {
	write_input
	server_script 'echo "RESULT: YES"' 'trap "" TERM; serve shall-externalize-obj; sleep 1000'
	expect_ok -o lp.c --patched-functions=pu_f --pol-server="$WORK/server" -- gcc -c in.c
	[ "$SECONDS_TAKEN" -lt 20 ] || fail "took ${SECONDS_TAKEN}s"
	sleep 0.5
	! pgrep -f "$WORK/server" >/dev/null || fail "the server was left running"
}

# The same lp.c with the toy per-question scripts and with the scripts behind
# a server, on every toy case that uses the plain toy policy.
case_server_equiv_toy() {
	local n=0 c
	all_toy_hooks
	for c in "$REPO"/tests/toy/cases/*/; do
		grep -Eq 'set_hook|drop_hook|EXPECT_FAIL|ARGS|CFLAGS|cp |cat ' "$c/case.sh" && continue
		[ "$(ls "$c" | wc -l)" -eq 2 ] || continue	# case.sh and input.c only
		cp "$c/input.c" "$WORK/in.c"
		run -o a.c "${TOY_HOOKS[@]}" -- gcc -c in.c
		[ "$STATUS" -eq 0 ] || continue	# a case of --patched-functions
		expect_ok -o b.c --pol-server="$REPO/policies/script-server $TOY" -- gcc -c in.c
		cmp -s "$WORK/a.c" "$WORK/b.c" || fail "$(basename "$c"): lp.c differs with the server"
		n=$((n + 1))
	done
	[ "$n" -ge 20 ] || fail "only $n toy cases compared"
	echo "policy/$CASE: $n toy cases, same lp.c"
}

# The same lp.c (and the same warnings) with policies/kernel's scripts and its
# server, on kernel corpus cases with binary facts.
case_server_equiv_kernel() {
	local flat funcs n=0 hooks
	[ -d "$CORPUS/linux" ] || { echo "no kernel corpus: skipped"; exit 77; }
	hooks=(-H "$KP/may-include-header" -F "$KP/can-externalize-fun"
	       -S "$KP/shall-externalize-fun" -O "$KP/shall-externalize-obj"
	       -E "$KP/modify-externalized-sym" -P "$KP/modify-patched-fun-sym"
	       -R "$KP/rename-rewritten-fun")
	while read -r flat funcs; do
		local argv=()
		mapfile -d '' argv < <(python3 -c 'import json, sys; sys.stdout.write("\0".join(json.load(open(sys.argv[1]))))' "$CORPUS/cmdlines/$flat.json")
		local k=("$KLP_CCP" --patched-functions="$funcs" --target-object="$CORPUS/objects/$flat.o")
		(cd "$CORPUS/linux" && "${k[@]}" -o "$WORK/a.c" "${hooks[@]}" -- "${argv[@]}") 2>"$WORK/a.err" ||
			{ fail "$flat $funcs: scripts failed: $(head -c 300 "$WORK/a.err")"; continue; }
		(cd "$CORPUS/linux" && "${k[@]}" -o "$WORK/b.c" --pol-server="$KP/server" -- "${argv[@]}") 2>"$WORK/b.err" ||
			{ fail "$flat $funcs: server failed: $(head -c 300 "$WORK/b.err")"; continue; }
		cmp -s "$WORK/a.c" "$WORK/b.c" || fail "$flat $funcs: lp.c differs with the server"
		cmp -s "$WORK/a.err" "$WORK/b.err" || fail "$flat $funcs: messages differ with the server"
		# pointer externalization: a different answer, the same both ways
		(cd "$CORPUS/linux" && "${k[@]}" -o "$WORK/c.c" "${hooks[@]}" -E "$KP/modify-externalized-sym --pointer" -- "${argv[@]}") 2>/dev/null &&
		(cd "$CORPUS/linux" && "${k[@]}" -o "$WORK/d.c" --pol-server="$KP/server --pointer" -- "${argv[@]}") 2>/dev/null &&
		cmp -s "$WORK/c.c" "$WORK/d.c" || fail "$flat $funcs: --pointer lp.c differs with the server"
		n=$((n + 1))
	done <<-'EOF'
	kernel_fork copy_process
	kernel_sched_core scheduler_tick,wake_up_process
	fs_namei may_linkat
	EOF
	echo "policy/$CASE: $n kernel cases, same lp.c"
}

# Each per-question kernel script defines its own answer function and parses
# no other's: lib.sh defines none (only helpers), a script read with kp_lib set
# to the reading shell's $$ (as the server reads them) defines its function and
# answers nothing (one inherited from the environment does not stop it), and
# the server answers every hook.
case_kernel_scripts_read_part() {
	local h f all=() out
	for h in is-patched may-include-header can-externalize-fun shall-externalize-fun \
		 shall-externalize-obj modify-externalized-sym modify-patched-fun-sym rename-rewritten-fun; do
		all+=("kernel_$(echo "$h" | tr - _)")
	done
	! grep -q '^kernel_[a-z_]*()' "$KP/lib.sh" || fail "lib.sh defines an answer function"
	for h in is-patched may-include-header can-externalize-fun shall-externalize-fun \
		 shall-externalize-obj modify-externalized-sym modify-patched-fun-sym rename-rewritten-fun; do
		f=kernel_$(echo "$h" | tr - _)
		out=$(sh -c 'kp_lib=$$; . "$1"; shift; type "$1" >/dev/null || exit 1
			f=$1; shift; for o; do [ "$o" = "$f" ] || ! type "$o" >/dev/null 2>&1 || exit 1; done' \
			sh "$KP/$h" "$f" "${all[@]}" 2>&1) || fail "$h: read with kp_lib, it does not define $f alone"
		[ -z "$out" ] || fail "$h: read with kp_lib, it answered: $out"
		out=$(kp_lib=1 "$KP/$h" x y z 2>&1)
		[ -n "$out" ] || fail "$h: an inherited kp_lib stopped it"
	done
	printf '' | "$KP/server" >/dev/null || fail "the server does not start"
	out=$(printf "'--' 'rename-rewritten-fun' 'foo' '0'\n'--' 'can-externalize-fun' 'foo'\n" | "$KP/server")
	[ "$out" = "HOOKS: may-include-header can-externalize-fun shall-externalize-fun shall-externalize-obj modify-externalized-sym modify-patched-fun-sym rename-rewritten-fun
RESULT: klpr_foo
RESULT: YES" ] || fail "the server's answers: $out"
}

# KLP_CCP_FUN_VISIBLE: __visible spelled on the declaration's line or the
# line before, not in a comment or a string there and not after a '{' (that
# text ends the declarations before this one); a name a macro makes is
# visible too.
case_fun_visible_env() {
	cat >"$WORK/in.c" <<-'C'
	#if __has_attribute(__externally_visible__)	/* GCC; empty for clang, as in the kernel */
	#define __visible __attribute__((__externally_visible__))
	#else
	#define __visible
	#endif
	#define NAMED(n) int n(int x)

	__visible int v_same(int x) { return x + 1; }

	__visible
	int v_before(int x) { return x + 2; }

	/* { */ __visible /* a comment's brace is none */
	int v_comment_brace(int x) { return x + 3; }

	NAMED(v_macro) { return x + 4; }

	/* __visible */
	int n_comment(int x) { return x + 5; }

	const char *n_str = "__visible";
	int n_string(int x) { return x + 6; }

	struct n_s { int a; }; __visible
	int n_after_brace(int x) { return x + 7; }

	int n_plain(int x) { return x + 8; }

	int pu_f(int x)
	{
		return v_same(x) + v_before(x) + v_comment_brace(x) + v_macro(x) + n_comment(x) +
		       n_string(x) + n_after_brace(x) + n_plain(x);
	}
	C
	cat >"$WORK/shall.sh" <<-'EOF'
	#!/bin/sh
	echo "$1 $KLP_CCP_FUN_VISIBLE" >>"$KLP_CCP_CWD/visible"
	echo "RESULT: YES"
	EOF
	chmod +x "$WORK/shall.sh"
	expect_ok -o lp.c --patched-functions=pu_f -S "$WORK/shall.sh" -- gcc -c in.c
	local f want got
	for f in v_same v_before v_comment_brace v_macro n_comment n_string n_after_brace n_plain; do
		want=no
		case $f in v_*) want=yes ;; esac
		got=$(awk -v f="$f" '$1 == f { print $2 }' "$WORK/visible")
		[ "$got" = "$want" ] || fail "$f: KLP_CCP_FUN_VISIBLE='$got', expected $want"
	done
}

CASES=$(declare -F | awk '{ print $3 }' | sed -n 's/^case_//p')
if [ "$CASE" = --list ]; then
	echo "$CASES"
	exit 0
fi
declare -F "case_$CASE" >/dev/null || { echo "usage: run.sh --list | CASE" >&2; exit 2; }
[ -x "$KLP_CCP" ] || { echo "FAIL policy/$CASE: $KLP_CCP not found"; exit 1; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/klp-ccp-policy.XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT
"case_$CASE"
exit "$FAILED"
