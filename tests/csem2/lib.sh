# shellcheck shell=bash
# Extra checks for tests/csem2 cases, sourced by a case.sh (which the toy
# harness, tests/toy/run-case.sh, sources in turn: its variables WORK, H, LP,
# CFLAGS_A and fail() are in scope when the deferred checks run).

# runs_like_original MAIN.c: link MAIN.c with the original object and lp.o
# (compiled with the original flags) and run it; MAIN.c calls the original
# and the patched functions and exits non-zero when their results differ.
runs_like_original() { defer check_runs_like_original "$@"; }

check_runs_like_original() {
	(cd "$WORK" && gcc "${CFLAGS_A[@]}" -c "$1" -o "$H/main.o" &&
		gcc "$H/main.o" "$H/orig.o" "$H/lp-opt.o" -o "$H/prog") >"$H/run.err" 2>&1 ||
		{ fail "cannot link $1 with the original object and lp.o:"; cat "$H/run.err"; return; }
	"$H/prog" >"$H/run.out" 2>&1 ||
		{ fail "lp.o computes differently from the original:"; cat "$H/run.out"; }
}

# declares_only NAME: lp.c declares NAME (under its own name) but neither
# defines it nor makes it a pointer, and lp.o does not refer to it.
declares_only() { defer check_declares_only "$@"; }

check_declares_only() {
	local d="^[[:space:]]*[A-Za-z_][^=]*[[:space:]*(]$1[[:space:]]*[[(;)]"
	grep -E -- "$d" "$LP" | grep -v return | grep -Eq ';[[:space:]]*$' ||
		fail "lp.c does not declare $1"
	! grep -E -- "$d" "$LP" | grep -v return | grep -Evq ';[[:space:]]*$' ||
		fail "lp.c defines $1"
	! grep -Eq -- "[(][*][[:alnum:]_]*$1[)]" "$LP" || fail "lp.c makes $1 a pointer"
	! grep -Eq -- "klp[a-z]_$1" "$LP" || fail "lp.c renames $1"
	check_not_referenced "$1"	# no definition, no relocation in lp.o
}
