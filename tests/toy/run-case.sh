#!/bin/bash
# shellcheck disable=SC2317  # the check_* functions are called through eval
# Run one toy-policy test case of klp-ccp.
#
# Usage: run-case.sh CASE-DIR
#
# Environment:
#   KLP_CCP           the klp-ccp binary      (default: <repo>/build/klp-ccp)
#   KLP_CCP_POLICIES  the toy hook directory  (default: <repo>/policies/toy)
#   KLP_TOY_KEEP=1    keep the work directory even when the case passes
#   KLP_TOY_DEFAULTS=1  run with the built-in defaults: no hook is passed
#                     unless the case sets one (cases must set PATCHED)
# KLP_CCP_POLICIES is exported: hook scripts of a case may delegate to the toy hooks.
#
# CASE-DIR holds input.c (plus any headers or hook scripts) and case.sh.
# case.sh is sourced by this script.  It may set:
#   PATCHED=a,b       pass --patched-functions=a,b (and drop the is-patched hook)
#   ARGS=(...)        extra klp-ccp options
#   CFLAGS="..."      flags of the original compile (and of the lp.c compile)
#   INPUT=file.c      input file name (default input.c)
#   OUTFILE=path      output file (default lp.c in the work directory)
#   EXPECT_FAIL=1     klp-ccp must fail (exit != 0, error line, no output)
#   INPUT_BROKEN=1    do not check that the input itself compiles
# and call:
#   set_hook HOOK CMD / drop_hook HOOK     replace / remove one toy hook
#   expect_stderr REGEX | stderr_lacks REGEX
#   max_seconds N                         klp-ccp must finish within N seconds
#   defines SYM KIND     KIND: T t (functions), D/B d/b (data), R r (rodata)
#   section_of SYM SECTION                SYM is placed in SECTION of lp.o
#   undefined SYM | not_defined SYM | not_referenced SYM
#   lp_contains REGEX | lp_lacks REGEX | lp_count REGEX N | lp_order REGEX1 REGEX2
#   report_count REGEX N  the report (ARGS must hold --report=report.yaml) has N
#                        lines matching REGEX
#   includes '"foo.h"' | not_includes '<bar.h>' | includes_in_order INC1 INC2
#   preprocesses_with FLAGS...  lp.c preprocesses (gcc -E) with the case's
#                        flags plus FLAGS (another branch of its #ifs)
#   compiles_with FLAGS...       lp.c compiles (gcc -c) with them
#   same_line TAG        the text "/*@TAG@*/" sits on the same file:line in lp.c
#                        (after #line directives) as in the original sources
# Assertions are recorded while case.sh is sourced and checked after the run.
# REGEXes are grep -E patterns matched line by line against lp.c.
#
# Exit status: 0 pass, 1 fail.

set -u

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
KLP_CCP=${KLP_CCP:-$REPO/build/klp-ccp}
export KLP_CCP_POLICIES=${KLP_CCP_POLICIES:-$REPO/policies/toy}

HOOK_NAMES=(is-patched may-include-header can-externalize-fun shall-externalize-fun
	    shall-externalize-obj modify-externalized-sym modify-patched-fun-sym
	    rename-rewritten-fun)
declare -A HOOK_OPT=([is-patched]=-I [may-include-header]=-H
	[can-externalize-fun]=-F [shall-externalize-fun]=-S
	[shall-externalize-obj]=-O [modify-externalized-sym]=-E
	[modify-patched-fun-sym]=-P [rename-rewritten-fun]=-R)
declare -A HOOK=()

# --- reporting ---------------------------------------------------------------

CASE=""
FAILED=0

fail() {
	echo "FAIL $CASE: $*"
	FAILED=1
}

# --- case-facing setup functions ----------------------------------------------

set_hook() { HOOK[$1]=$2; }
drop_hook() { unset "HOOK[$1]"; }

CHECKS=()
defer() { CHECKS+=("$(printf '%q ' "$@")"); }

for a in expect_stderr stderr_lacks max_seconds defines undefined not_defined \
	 not_referenced lp_contains lp_lacks lp_count report_count lp_order includes \
	 not_includes includes_in_order same_line section_of preprocesses_with \
	 compiles_with; do
	eval "$a() { defer check_$a \"\$@\"; }"
done

# --- assertions on stderr and timing -------------------------------------------

check_expect_stderr() {
	grep -Eq -- "$1" "$H/stderr" || fail "stderr does not match /$1/"
}

check_stderr_lacks() {
	! grep -Eq -- "$1" "$H/stderr" || fail "stderr matches /$1/"
}

check_max_seconds() {
	[ "$ELAPSED" -le "$1" ] || fail "klp-ccp took ${ELAPSED}s (limit $1s)"
}

# --- assertions on the symbols of lp.o ----------------------------------------

# Print the nm type letter(s) of SYM in lp.o (empty when absent).
sym_kind() {
	nm -P "$H/lp.o" 2>/dev/null | awk -v s="$1" '$1 == s { printf "%s", $2 }'
}

kind_class() {
	case $1 in
	T) echo T ;; t) echo t ;; D | B) echo '[DB]' ;; d | b) echo '[db]' ;;
	R) echo R ;; r) echo r ;; *) echo "?" ;;
	esac
}

check_defines() {
	local k
	k=$(sym_kind "$1")
	[[ $k =~ ^$(kind_class "$2")$ ]] ||
		fail "lp.o: '$1' should be defined as $2, nm says '${k:-absent}'"
}

check_undefined() {
	local k
	k=$(sym_kind "$1")
	[ "$k" = U ] || fail "lp.o: '$1' should be undefined (U), nm says '${k:-absent}'"
}

check_not_defined() {
	local k
	k=$(sym_kind "$1")
	[ -z "$k" ] || [ "$k" = U ] || fail "lp.o: '$1' should not be defined, nm says '$k'"
}

check_not_referenced() {
	local k
	k=$(sym_kind "$1")
	[ -z "$k" ] || fail "lp.o: '$1' should not appear at all, nm says '$k'"
}

check_section_of() {
	local sec
	sec=$(objdump -t "$H/lp.o" | awk -v s="$1" '$NF == s { print $(NF - 2); exit }')
	[ "$sec" = "$2" ] || fail "lp.o: '$1' should be in section $2, objdump says '${sec:-absent}'"
}

# --- assertions on the text of lp.c -------------------------------------------

check_lp_contains() {
	grep -Eq -- "$1" "$LP" || fail "lp.c lacks /$1/"
}

check_lp_lacks() {
	local hit
	hit=$(grep -En -- "$1" "$LP" | head -n 1)
	[ -z "$hit" ] || fail "lp.c matches /$1/ at line ${hit%%:*}: ${hit#*:}"
}

check_lp_count() {
	local n
	n=$(grep -Ec -- "$1" "$LP")
	[ "$n" -eq "$2" ] || fail "lp.c has $n lines matching /$1/, expected $2"
}

check_report_count() {
	local n
	n=$(grep -Ec -- "$1" "$WORK/report.yaml" 2>/dev/null)
	[ "${n:-0}" -eq "$2" ] || fail "report.yaml has ${n:-0} lines matching /$1/, expected $2"
}

first_line_of() {
	grep -En -- "$1" "$LP" | head -n 1 | cut -d: -f1
}

check_lp_order() {
	local a b
	a=$(first_line_of "$1")
	b=$(first_line_of "$2")
	if [ -z "$a" ] || [ -z "$b" ]; then
		fail "lp.c: order check needs both /$1/ (line ${a:-none}) and /$2/ (line ${b:-none})"
	elif [ "$a" -ge "$b" ]; then
		fail "lp.c: /$1/ (line $a) should come before /$2/ (line $b)"
	fi
}

# Print the operands of the #include lines of lp.c, one per line.
include_list() {
	sed -nE 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*([<"][^>"]*[>"]).*/\1/p' "$LP"
}

check_includes() {
	include_list | grep -qxF -- "$1" || fail "lp.c does not #include $1"
}

check_not_includes() {
	! include_list | grep -qxF -- "$1" || fail "lp.c should not #include $1"
}

check_includes_in_order() {
	local a b
	a=$(include_list | grep -nxF -- "$1" | head -n 1 | cut -d: -f1)
	b=$(include_list | grep -nxF -- "$2" | head -n 1 | cut -d: -f1)
	if [ -z "$a" ] || [ -z "$b" ] || [ "$a" -ge "$b" ]; then
		fail "lp.c should #include $1 before $2 (positions: ${a:-none}, ${b:-none})"
	fi
}

# Presumed "file:line" of the first line holding TEXT in the preprocessed lp.c.
lp_presumed_line() {
	(cd "$WORK" && gcc "${CFLAGS_A[@]}" -E -C "$LP") 2>/dev/null | awk -v tag="$1" '
		/^# [0-9]+ "/ { line = $2; file = $3; gsub(/"/, "", file)
				n = split(file, p, "/"); file = p[n]; next }
		index($0, tag) { print file ":" line; exit }
		{ line++ }'
}

# "file:line" of TEXT in the original case sources.
orig_line() {
	(cd "$CASE_DIR" && grep -nF -- "$1" -- *.c *.h 2>/dev/null) | head -n 1 | cut -d: -f1,2
}

check_same_line() {
	local tag="/*@$1@*/" want got
	want=$(orig_line "$tag")
	got=$(lp_presumed_line "$tag")
	[ -n "$want" ] || { fail "test bug: marker $tag not in the case sources"; return; }
	[ "$want" = "$got" ] || fail "marker $tag is at ${got:-<missing>} in lp.c, originally at $want"
}

# Does lp.c go through gcc with extra flags? Under flags choosing another
# branch of a copied #if, the directives must still balance.
check_preprocesses_with() {
	(cd "$WORK" && gcc "${CFLAGS_A[@]}" "$@" -E "$LP" -o /dev/null) >"$H/pp.err" 2>&1 ||
		{ fail "lp.c does not preprocess with $*:"; cat "$H/pp.err"; }
}

check_compiles_with() {
	(cd "$WORK" && gcc "${CFLAGS_A[@]}" "$@" -c "$LP" -o "$H/lp-with.o") >"$H/cw.err" 2>&1 ||
		{ fail "lp.c does not compile with $*:"; cat "$H/cw.err"; }
}

# Is the case run with the built-in defaults (KLP_TOY_DEFAULTS=1)?
defaults_mode() { [ "${KLP_TOY_DEFAULTS:-0}" = 1 ]; }

# --- running klp-ccp ----------------------------------------------------------

klp_command() {
	local h
	CMD=("$KLP_CCP" -o "$OUTFILE")
	[ -n "$PATCHED" ] && CMD+=("--patched-functions=$PATCHED")
	for h in "${HOOK_NAMES[@]}"; do
		[ -n "${HOOK[$h]+set}" ] && CMD+=("${HOOK_OPT[$h]}" "${HOOK[$h]}")
	done
	CMD+=("${ARGS[@]}" -- gcc "${CFLAGS_A[@]}" -c "$INPUT")
}

run_klp_ccp() {
	local t0
	t0=$(date +%s)
	(cd "$WORK" && timeout 120 "${CMD[@]}" </dev/null >"$H/stdout" 2>"$H/stderr")
	STATUS=$?
	ELAPSED=$(($(date +%s) - t0))
}

# --- the two kinds of case ----------------------------------------------------

check_input_compiles() {
	[ "$INPUT_BROKEN" = 1 ] && return 0
	(cd "$WORK" && gcc "${CFLAGS_A[@]}" -c "$INPUT" -o "$H/orig.o") >"$H/orig.err" 2>&1 ||
		{ fail "test bug: $INPUT does not compile:"; cat "$H/orig.err"; return 1; }
}

# Success: lp.c must exist and compile with the original flags; lp.o for the
# symbol checks is compiled at -O0 so that static symbols are not optimized away.
run_success_case() {
	run_klp_ccp
	[ "$STATUS" -eq 0 ] || { fail "klp-ccp exited with status $STATUS"; return; }
	[ -f "$LP" ] || { fail "no output file $LP"; return; }
	(cd "$WORK" && gcc "${CFLAGS_A[@]}" -c "$LP" -o "$H/lp-opt.o") >"$H/lp.err" 2>&1 ||
		{ fail "lp.c does not compile with the original flags:"; cat "$H/lp.err"; return; }
	(cd "$WORK" && gcc "${CFLAGS_A[@]}" -O0 -c "$LP" -o "$H/lp.o") >>"$H/lp.err" 2>&1 ||
		{ fail "lp.c does not compile at -O0:"; cat "$H/lp.err"; return; }
	run_checks
}

file_list() {
	(cd "$WORK" && find . -path ./.harness -prune -o -print | sort)
}

has_error_line() {
	grep -Eq '^[^[:space:]:]+(:[0-9]+){0,2}: error: ' "$H/stderr"
}

# Failure: run twice, once with no output file (it must not appear, nor any
# other file) and once with a pre-existing one (it must be left untouched).
run_failure_case() {
	local before
	rm -f "$LP"
	before=$(file_list)
	run_klp_ccp
	check_failure_status
	[ -e "$LP" ] && fail "output file $OUTFILE was created although klp-ccp failed"
	[ "$(file_list)" = "$before" ] || fail "klp-ccp left files behind: $(diff <(echo "$before") <(file_list) | grep '^>' | tr '\n' ' ')"
	run_checks
	[ "$(dirname "$LP")" = "$WORK" ] || return	# e.g. an unwritable directory
	echo "pre-existing output" >"$LP"
	run_klp_ccp
	check_failure_status
	[ "$(cat "$LP" 2>/dev/null)" = "pre-existing output" ] ||
		fail "pre-existing output file was modified or removed by a failing run"
	rm -f "$LP"
}

check_failure_status() {
	[ "$STATUS" -ne 0 ] || fail "klp-ccp succeeded, expected failure"
	[ "$STATUS" -ne 124 ] || fail "klp-ccp hung (killed after 120s)"
	[ "$STATUS" -lt 128 ] || fail "klp-ccp died by signal $((STATUS - 128))"
	has_error_line || fail "stderr has no 'file:line:col: error:' / 'klp-ccp: error:' line"
}

run_checks() {
	local c
	for c in "${CHECKS[@]}"; do
		eval "$c"
	done
}

show_details() {
	echo "---- work dir: $WORK"
	echo "---- command (cwd = work dir):"
	printf '%q ' "${CMD[@]}"
	echo
	echo "---- klp-ccp exit status: $STATUS, stderr:"
	cat "$H/stderr"
	[ -s "$H/stdout" ] && { echo "---- klp-ccp stdout:"; cat "$H/stdout"; }
	if [ -f "$LP" ]; then
		echo "---- $LP:"
		cat -n "$LP"
	fi
}

# --- main ---------------------------------------------------------------------

main() {
	if [ $# -ne 1 ] || [ ! -f "$1/case.sh" ]; then
		echo "usage: $0 CASE-DIR" >&2
		exit 1
	fi
	CASE_DIR=$(cd "$1" && pwd)
	CASE=$(basename "$CASE_DIR")
	[ -x "$KLP_CCP" ] || { fail "klp-ccp binary $KLP_CCP not found"; exit 1; }

	WORK=$(mktemp -d "${TMPDIR:-/tmp}/klp-toy-$CASE.XXXXXX")
	cp -a "$CASE_DIR/." "$WORK/"
	H=$WORK/.harness	# files of the harness, invisible to the checks
	mkdir "$H"

	local h
	for h in "${HOOK_NAMES[@]}"; do HOOK[$h]="$KLP_CCP_POLICIES/$h"; done
	defaults_mode && HOOK=()
	PATCHED="" ARGS=() CFLAGS="-std=gnu11 -O2 -Wall -Werror=implicit-function-declaration"
	INPUT=input.c OUTFILE=lp.c EXPECT_FAIL=0 INPUT_BROKEN=0 STATUS=0 ELAPSED=0 CMD=()
	# shellcheck source=/dev/null
	source "$CASE_DIR/case.sh"
	[ ${#CHECKS[@]} -gt 0 ] || fail "test bug: case has no assertion"
	[ -n "$PATCHED" ] && drop_hook is-patched
	read -ra CFLAGS_A <<<"$CFLAGS"
	case $OUTFILE in /*) LP=$OUTFILE ;; *) LP=$WORK/$OUTFILE ;; esac
	klp_command

	if check_input_compiles; then
		if [ "$EXPECT_FAIL" = 1 ]; then run_failure_case; else run_success_case; fi
	fi

	if [ "$FAILED" -ne 0 ]; then
		show_details
		exit 1
	fi
	if [ "${KLP_TOY_KEEP:-0}" = 1 ]; then echo "work dir kept: $WORK"; else rm -rf "$WORK"; fi
	echo "PASS $CASE"
	exit 0
}

main "$@"
