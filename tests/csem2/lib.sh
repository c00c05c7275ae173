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

# same_results F ARG...: "int F(int)" and its patched "klpp_F" return the
# same value for each ARG (runs_like_original with a generated main). Each
# "int" object named in POINTER_OBJECTS is externalized as a pointer
# klpe_NAME: main sets it as the livepatch glue does.
same_results() {
	local f=$1 a o
	shift
	{
		printf '#include <stdio.h>\nint %s(int);\nint klpp_%s(int);\n' "$f" "$f"
		for o in ${POINTER_OBJECTS:-}; do printf 'extern int %s, *klpe_%s;\n' "$o" "$o"; done
		printf 'static int check(int x)\n{\n\tint a = %s(x), b = klpp_%s(x);\n\n' "$f" "$f"
		printf '\tif (a != b)\n\t\tprintf("%s(%%d) = %%d, patched %%d\\n", x, a, b);\n' "$f"
		printf '\treturn a != b;\n}\n\nint main(void)\n{\n'
		for o in ${POINTER_OBJECTS:-}; do printf '\tklpe_%s = &%s;\n' "$o" "$o"; done
		printf '\treturn 0'
		for a; do printf ' | check(%s)' "$a"; done
		printf ';\n}\n'
	} >"$WORK/same_results_main.c"
	runs_like_original same_results_main.c
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

# same_as_kernel_policy: the same run with every hook of policies/kernel
# (but is-patched) writes the same lp.c.
same_as_kernel_policy() { defer check_same_as_kernel_policy; }

check_same_as_kernel_policy() {
	local k=$KLP_CCP_POLICIES/../kernel h cmd=("$KLP_CCP" -o "$H/kernel-lp.c")
	[ -n "$PATCHED" ] && cmd+=("--patched-functions=$PATCHED")
	for h in may-include-header can-externalize-fun shall-externalize-fun \
		 shall-externalize-obj modify-externalized-sym modify-patched-fun-sym \
		 rename-rewritten-fun; do
		cmd+=("${HOOK_OPT[$h]}" "$k/$h")
	done
	cmd+=("${ARGS[@]}" -- gcc "${CFLAGS_A[@]}" -c "$INPUT")
	(cd "$WORK" && "${cmd[@]}" </dev/null >"$H/kernel.out" 2>&1) ||
		{ fail "klp-ccp with policies/kernel failed:"; cat "$H/kernel.out"; return; }
	diff -u "$H/kernel-lp.c" "$LP" >"$H/kernel.diff" ||
		{ fail "the defaults and policies/kernel write different lp.c:"; cat "$H/kernel.diff"; }
}
