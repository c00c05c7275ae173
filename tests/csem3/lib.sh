# shellcheck shell=bash
# Checks of tests/csem3 cases, sourced by a case.sh (which the toy harness,
# tests/toy/run-case.sh, sources in turn: WORK, H, LP, CFLAGS_A, INPUT and
# fail() are in scope when the deferred checks run).
#
# behaves_same F ARG...   "int F(int)" of the original unit and lp.c's
#     patched klpp_F return the same value for each ARG. lp.o is linked
#     against a "running" copy of the original: the unit compiled at -O0
#     (every helper keeps an out-of-line symbol) with its local symbols made
#     global, as klp relocations would bind lp.o's references to them. A
#     patched function that keeps state (static locals, counters) is called
#     in turn with the original, so shared state must really be shared.
# shares_state F ARG...   a stateful "int F(int)": the calls F(ARG1),
#     klpp_F(ARG2), F(ARG3), ... return what F(ARG1), F(ARG2), ... return in
#     a fork that only calls the original (one state, not two).
# behaves_with MAIN.c     the same link, with a main of the case's own.
#     RUNNING_FLAGS (default -O0) are the flags added to the case's for
#     that copy; a case whose running code must be built exactly as klp-ccp
#     was told (GCC's numbering of static locals) sets RUNNING_FLAGS="".
# shares_definitions      no symbol lp.o defines globally is defined by
#     the original unit too (a second copy of shared code or state).
# Every case gets shares_definitions implicitly through csem3_case.

behaves_same() {
	local f=$1 a
	shift
	{
		printf '#include <stdio.h>\nint %s(int);\nint klpp_%s(int);\n' "$f" "$f"
		printf 'static int check(int x)\n{\n\tint a = %s(x), b = klpp_%s(x);\n\n' "$f" "$f"
		printf '\tif (a != b)\n\t\tprintf("%s(%%d) = %%d, patched %%d\\n", x, a, b);\n' "$f"
		printf '\treturn a != b;\n}\n\nint main(void)\n{\n\treturn 0'
		for a; do printf ' | check(%s)' "$a"; done
		printf ';\n}\n'
	} >"$WORK/.csem3_main.c"
	behaves_with .csem3_main.c
}

shares_state() {
	local f=$1 a n=0
	shift
	{
		printf '#include <stdio.h>\n#include <unistd.h>\n#include <sys/wait.h>\n'
		printf 'int %s(int);\nint klpp_%s(int);\nstatic const int args[] = { 0' "$f" "$f"
		for a; do printf ', %s' "$a"; n=$((n + 1)); done
		printf ' };\n\nint main(void)\n{\n\tint fd[2], r, want, bad = 0;\n\n'
		printf '\tif (pipe(fd) || fork() == 0) {\n'
		printf '\t\tfor (int i = 1; i <= %d; i++) {\n' "$n"
		printf '\t\t\tr = %s(args[i]);\n\t\t\twrite(fd[1], &r, sizeof(r));\n\t\t}\n' "$f"
		printf '\t\t_exit(0);\n\t}\n'
		printf '\tfor (int i = 1; i <= %d; i++) {\n' "$n"
		printf '\t\tr = i %% 2 ? %s(args[i]) : klpp_%s(args[i]);\n' "$f" "$f"
		printf '\t\tif (read(fd[0], &want, sizeof(want)) != sizeof(want) || r != want)\n'
		printf '\t\t\tbad = printf("call %%d: %%d, only the original: %%d\\n", i, r, want);\n'
		printf '\t}\n\twait(NULL);\n\treturn bad != 0;\n}\n'
	} >"$WORK/.csem3_state.c"
	behaves_with .csem3_state.c
}

behaves_with() { defer check_behaves_with "$@"; }

# The original unit as the running code: -O0, local symbols made global.
running_object() {
	local locals=() s
	local extra
	read -ra extra <<<"${RUNNING_FLAGS--O0}"
	(cd "$WORK" && gcc "${CFLAGS_A[@]}" "${extra[@]}" -c "$INPUT" -o "$H/run0.o") ||
		return 1
	for s in $(nm --defined-only "$H/run0.o" | awk '$2 ~ /^[tdbr]$/ { print $3 }'); do
		locals+=("--globalize-symbol=$s")
	done
	objcopy "${locals[@]}" "$H/run0.o" "$H/running.o"
}

check_behaves_with() {
	(running_object && cd "$WORK" && gcc "${CFLAGS_A[@]}" -c "$1" -o "$H/main.o" &&
		gcc "$H/main.o" "$H/running.o" "$H/lp-opt.o" -o "$H/prog") >"$H/run.err" 2>&1 ||
		{ fail "cannot link $1 with the running original and lp.o:"; cat "$H/run.err"; return; }
	"$H/prog" >"$H/run.out" 2>&1 ||
		{ fail "lp.o computes differently from the original:"; cat "$H/run.out"; }
}

shares_definitions() { defer check_shares_definitions; }

check_shares_definitions() {
	local dup
	dup=$(comm -12 <(nm -g --defined-only "$H/lp-opt.o" | awk '{ print $3 }' | sort -u) \
		       <(nm --defined-only "$H/orig.o" | awk '{ print $3 }' | sort -u))
	[ -z "$dup" ] || fail "lp.o defines again what the original defines: $dup"
}

csem3_case() { shares_definitions; }
