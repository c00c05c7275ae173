#!/usr/bin/env bash
# --patch mode: derive the patched functions from a source patch.
# Usage: run.sh CASE   (small cases made here; corpus/NAME.patch on the kernel corpus)
set -u
KLP_CCP=${KLP_CCP:?}
here=$(cd "$(dirname "$0")" && pwd)
case=$1
work=$(mktemp -d "${TMPDIR:-/tmp}/klp-patch.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL patch/$case: $*"; cat "$work/err" 2>/dev/null; exit 1; }

# make_patch FILE SED-EXPR: a -p1 patch of FILE (in the work dir) by SED-EXPR
make_patch() {
	mkdir -p a b && cp "$1" a/ && sed "$2" "$1" >"b/$1" && { diff -u "a/$1" "b/$1" >fix.patch; true; }
	rm -rf a b
}

# run_small FILE: --patch=fix.patch on FILE; status in $rc
run_small() {
	mkdir -p "$work/tmp"
	TMPDIR=$work/tmp "$KLP_CCP" -o lp.c --report=r.yaml --patch=fix.patch -- gcc -O2 -Wall -c "$1" 2>err
	rc=$?
}

# helper_note SED DERIVED NOTE NOT: helper.c patched by SED derives DERIVED,
# prints the note NOTE (a whole line) and no line with NOT
helper_note() {
	make_patch helper.c "$1"
	run_small helper.c; [ $rc = 0 ] || fail "klp-ccp failed"
	derived "$2"
	grep -qxF "klp-ccp: note: $3" err || fail "no note '$3'"
	if grep -qF "$4" err; then fail "'$4' is printed"; fi
}

derived() {	# derived EXPECTED (comma separated, in order printed)
	grep -q "derived patched functions: $1\$" err || fail "derived functions are not '$1'"
}

compile_lp() {	# compile_lp GCC-ARGS...: lp.o, one section per function, nothing inlined or folded
	gcc -O2 -Wall -fno-inline -fno-ipa-icf -ffunction-sections "$@" -c lp.c -o lp.o 2>>err || fail "lp.c does not compile"
}

calls() {	# calls CALLER CALLEE: lp.o's code of CALLER has a relocation to CALLEE
	readelf -rW lp.o | awk -v from="'.rela.text.$1'" -v to="$2" '
		/^Relocation section/ { on = $3 == from; next }
		on && ($5 == to || $5 == ".text." to) { found = 1 }
		END { exit !found }'
}

no_trace() {	# the user's files are untouched and no scratch dir is left
	cmp -s "$here/small/$1" "$1" || fail "the source was modified"
	no_trace_tmp
}

no_trace_tmp() {	# no scratch dir is left
	# klp-ccp's scratch directory goes to $TMPDIR: other tests' do not count
	[ -z "$(find "$work/tmp" -mindepth 1 -maxdepth 1 2>/dev/null)" ] ||
		fail "a scratch directory was left behind"
}

small_case() {
	cd "$work" && cp "$here/small/"*.[ch] .
	case $case in
	inline)		# a static inline used by two callers: both change
		make_patch inline.c 's/return x > LIMIT ? LIMIT : x;/if (x < 0)\n\t\treturn 0;\n\treturn x > LIMIT ? LIMIT : x;/'
		run_small inline.c; [ $rc = 0 ] || fail "klp-ccp failed"
		derived "user_a, user_b"
		gcc -O2 -Wall -c lp.c -o lp.o 2>>err || fail "lp.c does not compile"
		nm lp.o | grep -q " T klpp_user_a" || fail "no klpp_user_a"
		nm lp.o | grep -q "other" && fail "other is in lp.o"
		grep -q "if (x < 0)" lp.c || fail "lp.c lacks the fix (not extracted from the patched source)"
		grep -q "added_by: patch" r.yaml || fail "report lacks added_by: patch"
		grep -q "klp-ccp-patch" r.yaml && fail "the report names the scratch copy"
		# the user's file, and the line user_a has in the patched file
		patch -s -o patched.c inline.c <fix.patch || fail "patch does not apply"
		want=$(grep -n '^int user_a(int x)' patched.c | cut -d: -f1)
		awk '/old_name: user_a$/ { on = 1 } on && /file:/ { f = $2 } on && /line:/ { print f ":" $2; exit }' r.yaml |
			grep -qx "inline.c:$want" || fail "the report does not place user_a at inline.c:$want"
		rm -f patched.c
		no_trace inline.c ;;
	inline-facts)	# the target shows limit inlined into its callers, which --patch patches too: a note
		make_patch glob.c 's/return x > LIMIT ? LIMIT : x;/if (x < 0)\n\t\treturn 0;\n\treturn x > LIMIT ? LIMIT : x;/'
		gcc -O2 -g -c glob.c -o target.o || fail "gcc failed"
		mkdir -p tmp
		TMPDIR=$work/tmp "$KLP_CCP" -o lp.c --patch=fix.patch --target-object=target.o -- gcc -O2 -g -c glob.c 2>err ||
			fail "klp-ccp failed"
		derived "limit, user_a, user_b"
		[ "$(grep -c "^glob.c:3:5: note: patched function 'limit' is inlined into user_a, user_b in target.o: they are patched too\$" err)" = 1 ] ||
			fail "not one note that user_a and user_b are patched too"
		grep -q "warning:" err && fail "a warning for what klp-ccp does itself"
		# patching only some of them by hand: a warning naming the rest
		"$KLP_CCP" -o lp.c --patched-functions=limit,user_a --target-object=target.o -- gcc -O2 -g -c glob.c 2>err ||
			fail "klp-ccp failed"
		grep -qx "glob.c:3:5: warning: patched function 'limit' is inlined into user_b in target.o: patch those too (user_a is patched)" err ||
			fail "no warning naming user_b alone" ;;
	constant)	# a changed constant changes its users
		make_patch inline.c 's/#define LIMIT 100/#define LIMIT 200/'
		run_small inline.c; [ $rc = 0 ] || fail "klp-ccp failed"
		derived "user_a, user_b"
		grep -q "#define LIMIT 200" lp.c || fail "lp.c lacks the new constant" ;;
	layout)		# a struct layout change is refused
		make_patch layout.c 's/	int key;/	int key;\n\tint flags;/'
		run_small layout.c; [ $rc = 1 ] || fail "klp-ccp did not fail"
		grep -q "layout.c:[0-9]*: error: the patch changes the layout of 'struct item'" err ||
			fail "no layout error naming struct item"
		[ -e lp.c ] && fail "lp.c was written"
		no_trace layout.c ;;
	comment)	# a comment-only change touches no function
		make_patch inline.c 's|^int other(int x)|/* unrelated */\nint other(int x)|; s|return x - 3;|return x  -  3; // spaced|'
		run_small inline.c; [ $rc = 1 ] || fail "klp-ccp did not fail"
		grep -qx "klp-ccp: error: fix.patch: the patch changes the code of no function: it changes only comments or formatting" err ||
			fail "no 'only comments or formatting' error"
		[ -e lp.c ] && fail "lp.c was written" ;;
	dead-code)	# code GCC folds away, in two functions: compiled away, both named
		make_patch inline.c 's/return clamp(x) \* 2;/if (x > 1000 \&\& x < 5)\n\t\treturn 7;\n\treturn clamp(x) * 2;/; s/return x - 3;/if (sizeof(int) == 3)\n\t\treturn 9;\n\treturn x - 3;/'
		run_small inline.c; [ $rc = 1 ] || fail "klp-ccp did not fail"
		patch -s -o patched.c inline.c <fix.patch || fail "patch does not apply"
		lb=$(grep -n 'if (x > 1000' patched.c | cut -d: -f1)
		lo=$(grep -n 'if (sizeof(int) == 3)' patched.c | cut -d: -f1)
		grep -qx "klp-ccp: error: fix.patch: the patch changes the code of no function: GCC compiled the change away: the source changed in 'user_b' (inline.c:$lb), 'other' (inline.c:$lo), the code of no function did (dead code to GCC)" err ||
			fail "no 'compiled away' error naming user_b at inline.c:$lb and other at inline.c:$lo"
		[ -e lp.c ] && fail "lp.c was written" ;;
	dead-code-macro-def)	# dead code in a function a macro defines: named by the macro and its first argument
		make_patch macrodef.c 's/return x \* 3;/if (sizeof(int) == 1)\n\t\treturn 0;\n\treturn x * 3;/'
		run_small macrodef.c; [ $rc = 1 ] || fail "klp-ccp did not fail"
		grep -q "GCC compiled the change away: the source changed in 'DEFINE1(probe)' (macrodef.c:6)," err ||
			fail "no 'compiled away' error naming DEFINE1(probe) at macrodef.c:6" ;;
	dead-code-head)	# a doc comment (not named) and an attribute on a parameter line (the function's)
		make_patch heads.c 's/a documented function/a documented function, changed/; s/^\tint y)$/\tint y __attribute__((unused)))/'
		run_small heads.c; [ $rc = 1 ] || fail "klp-ccp did not fail"
		grep -qx "klp-ccp: error: fix.patch: the patch changes the code of no function: GCC compiled the change away: the source changed in 'add' (heads.c:7), the code of no function did (dead code to GCC)" err ||
			fail "no 'compiled away' error naming add at heads.c:7 alone" ;;
	dead-macro)	# a macro nothing uses: compiled away, outside any function
		make_patch inline.c 's/^#define LIMIT 100$/#define LIMIT 100\n#define UNUSED 7/'
		run_small inline.c; [ $rc = 1 ] || fail "klp-ccp did not fail"
		grep -q "error: fix.patch: the patch changes the code of no function: GCC compiled the change away: the source changed in inline.c:2 (outside any function)" err ||
			fail "no 'compiled away' error naming inline.c:2"
		[ -e lp.c ] && fail "lp.c was written" ;;
	removed-inlined)	# b stops calling helper: GCC inlines helper into a, its last caller
		helper_note 's/return helper(x + 2) \* 3;/return g(x) * 3;/' "a, b" \
			"'helper' is not removed by the patch: GCC inlined it into all its callers in the patched build, so it has no symbol there; it is inlined into 'a', which is patched" \
			"functions the patch removes" ;;
	added-outlined)	# b calls helper again: no longer inlined into a alone
		sed -i 's/return helper(x + 2) \* 3;/return g(x) * 3;/' helper.c
		helper_note 's/return g(x) \* 3;/return helper(x + 2) * 3;/' "a, b" \
			"'helper' is not added by the patch: GCC inlined it into all its callers in the original build, so it has no symbol there; it is inlined into 'a', which is patched (copied where used)" \
			"functions the patch adds" ;;
	removed-uncalled)	# c stops calling spare: no code for it, but the patch keeps it
		helper_note 's/return spare(x) + spare(x + 1);/return g(x);/' "c" \
			"'spare' is not removed by the patch: nothing calls it in the patched build, so GCC emitted no code for it there" \
			"functions the patch removes" ;;
	removed-deleted)	# the patch deletes spare: that one is removed
		helper_note 's/return spare(x) + spare(x + 1);/return g(x);/; /^static int __attribute__((noinline)) spare/,/^}/d' "c" \
			"functions the patch removes: spare" "is not removed" ;;
	moved)		# a line added in first() moves __LINE__ in second(): line-only
		make_patch lines.c 's/	return x + 1;/	x ^= 0x55;\n\treturn x \* 7;/'
		run_small lines.c; [ $rc = 0 ] || fail "klp-ccp failed"
		derived "first"
		grep -q "only change is moved line numbers.*second" err || fail "second not reported line-only" ;;
	not-applying)	# a patch for other contents: the error names the failing hunk
		make_patch inline.c 's/return clamp(x) + 1;/return clamp(x) + 2;/; s/return x - 3;/return x - 4;/'
		sed -i 's/return x - 3;/return x - 5;/' inline.c
		run_small inline.c; [ $rc = 1 ] || fail "klp-ccp did not fail"
		hunk_at=$(grep -n '^@@' fix.patch | sed -n 2p | cut -d: -f1)
		header=$(sed -n "${hunk_at}p" fix.patch | sed 's/ @@.*/ @@/')
		[ "$(grep -c 'error:' err)" = 1 ] || fail "not one error line"
		grep -qF "fix.patch:$hunk_at: error: hunk #2 of inline.c ($header) does not apply" err ||
			fail "the error does not name hunk #2 ($header) at fix.patch:$hunk_at"
		[ -e lp.c ] && fail "lp.c was written"
		no_trace_tmp ;;
	origin)		# --patch-origin (klp-ccp build): diagnostics name the whole patch and its lines
		make_patch inline.c 's/return clamp(x) + 1;/return clamp(x) + 2;/; s/return x - 3;/return x - 4;/'
		hunk_at=$(grep -n '^@@' fix.patch | sed -n 2p | cut -d: -f1)
		header=$(sed -n "${hunk_at}p" fix.patch | sed 's/ @@.*/ @@/')
		cp inline.c inline.orig
		# hunk #2 fails: fix.patch's line hunk_at is whole.patch's line 40
		sed -i 's/return x - 3;/return x - 5;/' inline.c
		"$KLP_CCP" -o lp.c --patch=fix.patch --patch-origin="1=6,$hunk_at=40:whole.patch" \
			-- gcc -O2 -c inline.c 2>err && fail "klp-ccp did not fail"
		[ "$(grep -c 'error:' err)" = 1 ] || fail "not one error line"
		grep -qF "whole.patch:40: error: hunk #2 of inline.c ($header) does not apply" err ||
			fail "the error does not name hunk #2 at whole.patch:40"
		# hunk #2 applied with fuzz: the warning at fix.patch's line + 5
		cp inline.orig inline.c
		sed -i 's/^int other(int x)$/int other(int x) \/\/ changed context/' inline.c
		"$KLP_CCP" -o lp.c --patch=fix.patch --patch-origin=1=6:whole.patch \
			-- gcc -O2 -c inline.c 2>err || fail "klp-ccp failed"
		grep -qF "whole.patch:$((hunk_at + 5)): warning: hunk #2 of inline.c ($header) applied with fuzz " err ||
			fail "no fuzz warning at whole.patch:$((hunk_at + 5))"
		grep -q "fix.patch" err && fail "the cut-out fix.patch is named"
		for bad in 0=1:w.patch 2=1:w.patch 1=2 1=2,1=3:w.patch 1=x:w.patch =:w.patch; do
			"$KLP_CCP" -o lp.c --patch=fix.patch --patch-origin="$bad" -- gcc -O2 -c inline.c 2>err &&
				fail "--patch-origin=$bad accepted"
			grep -qx "klp-ccp: error: --patch-origin wants K=N\[,K=N...\]:PATCH .*, not '$bad' (see klp-ccp --help)" err ||
				fail "--patch-origin=$bad: $(cat err)"
		done
		"$KLP_CCP" -o lp.c --patched-functions=user_a --patch-origin=1=1:w.patch -- gcc -c inline.c 2>err &&
			fail "--patch-origin without --patch accepted"
		grep -qx "klp-ccp: error: --patch-origin without --patch (see klp-ccp --help)" err ||
			fail "no error for --patch-origin without --patch: $(cat err)"
		no_trace_tmp ;;
	already-applied)	# the source has the fix already
		make_patch inline.c 's/return x - 3;/return x - 4;/'
		sed -i 's/return x - 3;/return x - 4;/' inline.c
		run_small inline.c; [ $rc = 1 ] || fail "klp-ccp did not fail"
		grep -qx "klp-ccp: error: fix.patch: the patch does not apply: inline.c already has its changes (or the patch is reversed)" err ||
			fail "no 'already has its changes' error" ;;
	hunk-fuzz)	# a context line differs: applied with fuzz, a warning naming the hunk
		make_patch inline.c 's/return clamp(x) + 1;/return clamp(x) + 2;/; s/return x - 3;/return x - 4;/'
		sed -i 's/^int other(int x)$/int other(int x) \/\/ changed context/' inline.c
		run_small inline.c; [ $rc = 0 ] || fail "klp-ccp failed"
		derived "user_a, other"
		hunk_at=$(grep -n '^@@' fix.patch | sed -n 2p | cut -d: -f1)
		header=$(sed -n "${hunk_at}p" fix.patch | sed 's/ @@.*/ @@/')
		grep -qF "fix.patch:$hunk_at: warning: hunk #2 of inline.c ($header) applied with fuzz " err ||
			fail "no warning naming hunk #2 ($header) at fix.patch:$hunk_at"
		grep -q "hunk #1" err && fail "hunk #1, applied cleanly, is named"
		grep -qF "fix.patch:$hunk_at: hunk #2 of inline.c ($header) applied with fuzz " r.yaml ||
			fail "the report lacks the fuzz warning at fix.patch:$hunk_at (as printed, no column)"
		no_trace_tmp ;;
	hunk-offset)	# lines above the hunks: applied at an offset, a note (not a warning) per hunk
		make_patch inline.c 's/return clamp(x) + 1;/return clamp(x) + 2;/; s/return x - 3;/return x - 4;/'
		sed -i '1i /* two lines\n   above */' inline.c
		run_small inline.c; [ $rc = 0 ] || fail "klp-ccp failed"
		derived "user_a, other"
		for n in 1 2; do
			hunk_at=$(grep -n '^@@' fix.patch | sed -n ${n}p | cut -d: -f1)
			header=$(sed -n "${hunk_at}p" fix.patch | sed 's/ @@.*/ @@/')
			grep -qF "fix.patch:$hunk_at: note: hunk #$n of inline.c ($header) applied at line " err ||
				fail "no note naming hunk #$n ($header) at fix.patch:$hunk_at"
		done
		grep -q "warning:" err && fail "an offset is a warning"
		true ;;
	header)		# a static inline of a header the unit includes: its two callers change
		make_patch clamp.h 's/return x > LIMIT ? LIMIT : x;/if (x < 0)\n\t\treturn 0;\n\treturn x > LIMIT ? LIMIT : x;/'
		run_small hdr.c; [ $rc = 0 ] || fail "klp-ccp failed"
		derived "user_a, user_b"
		grep -q "note: functions of hdr.c affected by the change to header 'clamp.h': user_a, user_b" err ||
			fail "no note naming the affected functions"
		grep -q "note: no kbuild .*only this unit was checked for users of 'clamp.h'" err ||
			fail "no note that only this unit was checked"
		gcc -O2 -Wall -c lp.c -o lp.o 2>>err || fail "lp.c does not compile"
		nm lp.o | grep -q " T klpp_user_b" || fail "no klpp_user_b"
		nm lp.o | grep -q "other" && fail "other is in lp.o"
		# built against the unpatched tree: the fixed inline must be in lp.c itself
		grep -q "if (x < 0)" lp.c || fail "lp.c lacks the fixed inline"
		grep -q '#include "clamp.h"' lp.c && fail "lp.c includes the unpatched header"
		cmp -s "$here/small/clamp.h" clamp.h || fail "the header was modified"
		no_trace hdr.c ;;
	plain-diffs)	# "diff -u" of the header, then of the unit, no "diff" line between:
		# the second file's "--- "/"+++ " right after a hunk starts a file
		make_patch clamp.h 's/return x > LIMIT ? LIMIT : x;/if (x < 0)\n\t\treturn 0;\n\treturn x > LIMIT ? LIMIT : x;/'
		mv fix.patch h.patch
		make_patch hdr.c 's/return twice(x) - 3;/return twice(x) - 4;/'
		cat h.patch fix.patch >both.patch && mv both.patch fix.patch
		grep -q '^diff' fix.patch && fail "test bug: a diff line"
		run_small hdr.c; [ $rc = 0 ] || fail "klp-ccp failed"
		derived "user_a, user_b, other"
		grep -q "twice(x) - 4" lp.c && grep -q "if (x < 0)" lp.c || fail "lp.c lacks a file's fix"
		no_trace hdr.c ;;
	header-units)	# kbuild .o.cmd files name the other units including the header
		make_patch clamp.h 's/#define LIMIT 100/#define LIMIT 50/'
		mkdir -p sub && printf 'source_hdr.o := hdr.c\n\ndeps_hdr.o := \\\n  hdr.c \\\n  clamp.h \\\n\nhdr.o: $(deps_hdr.o)\n' >.hdr.o.cmd
		sed 's/hdr/sub\/user/g' .hdr.o.cmd >sub/.user.o.cmd
		sed 's/clamp.h/sub\/other.h/; s/hdr/sub\/none/g' .hdr.o.cmd >sub/.none.o.cmd
		"$KLP_CCP" -o lp.c --patch=fix.patch -- gcc -O2 -Wall -c hdr.c -o hdr.o 2>err || fail "klp-ccp failed"
		derived "user_a, user_b"
		grep -q "note: other units including 'clamp.h' (from kbuild's .o.cmd files), each needing its own extraction: sub/user.c\$" err ||
			fail "the other units are not 'sub/user.c'" ;;
	header-nested)	# read through another header: #included unpatched, the fixed inline copied renamed
		make_patch clamp.h 's/return x > LIMIT ? LIMIT : x;/return x < 0 ? 0 : x > LIMIT ? LIMIT : x;/'
		mkdir -p tmp
		TMPDIR=$work/tmp "$KLP_CCP" -o lp.c --patch=fix.patch -- gcc -O2 -Wall -I. -c nested.c 2>err ||
			fail "klp-ccp failed"
		derived "user_n"
		grep -q '^#include "nested.h"$' lp.c || fail "lp.c does not #include nested.h"
		grep -q '^static inline int klpr_clamp(int x)$' lp.c || fail "the inline is not copied as klpr_clamp"
		grep -q 'return x < 0 ? 0 : x > LIMIT ? LIMIT : x;' lp.c || fail "lp.c lacks the fixed inline"
		grep -q 'return klpr_clamp(x) - 1;' lp.c || fail "klpp_user_n does not call klpr_clamp"
		compile_lp -I.
		calls klpp_user_n klpr_clamp || fail "lp.o: klpp_user_n does not call klpr_clamp"
		nm lp.o | grep -q ' clamp$' && fail "lp.o has the unpatched clamp"
		no_trace nested.c ;;
	header-nested-deep)	# a changed inline and macro, an unchanged inline and another header's using them
		make_patch deep.h 's/return x > 100 ? 100 : x;/return x < 0 ? 0 : x > 100 ? 100 : x;/; s/#define SCALE 3/#define SCALE 4/'
		mkdir -p tmp
		TMPDIR=$work/tmp "$KLP_CCP" -o lp.c --patch=fix.patch -- gcc -O2 -Wall -I. -c twolevel.c 2>err ||
			fail "klp-ccp failed"
		derived "user_a, user_b, user_c"
		grep -q '^#include "outer.h"$' lp.c || fail "lp.c does not #include outer.h"
		grep -q '^#undef SCALE$' lp.c && grep -q '^#define SCALE 4$' lp.c || fail "SCALE is not redefined"
		for f in limit limit_scaled outer_limit; do
			grep -q "^static inline int klpr_$f(int x)\$" lp.c || fail "$f is not copied as klpr_$f"
		done
		grep -q untouched lp.c && fail "the unchanged untouched() is copied"
		compile_lp -I.
		for c in klpp_user_a:klpr_limit klpp_user_b:klpr_outer_limit klpr_outer_limit:klpr_limit_scaled \
			 klpr_limit_scaled:klpr_limit klpp_user_c:klpr_limit; do
			calls "${c%:*}" "${c#*:}" || fail "lp.o: ${c%:*} does not call ${c#*:}"
		done
		nm lp.o | grep -Eq ' (limit|limit_scaled|outer_limit)$' && fail "lp.o has unpatched inlines"
		# the unpatched ones give -6, -14 and 300
		printf 'int klpp_user_a(int), klpp_user_b(int), klpp_user_c(int);\nint main(void)\n{\n\treturn klpp_user_a(-5) != -1 || klpp_user_b(-5) != 1 || klpp_user_c(200) != 400;\n}\n' >main.c
		gcc -o run main.c lp.o 2>>err && ./run || fail "the klpp_ functions do not behave as patched"
		no_trace twolevel.c ;;
	header-unused)	# a header the unit does not include
		printf '#define H 1\n' >h.h
		make_patch h.h 's/H 1/H 2/'
		run_small inline.c; [ $rc = 1 ] || fail "klp-ccp did not fail"
		grep -q "^h.h:1: error: the patch changes this header, which inline.c does not include" err ||
			fail "no 'does not include' error"
		[ -e lp.c ] && fail "lp.c was written" ;;
	*) fail "unknown case" ;;
	esac
}

expected() {	# expected KIND: the "# KIND: NAME: VALUE" line of corpus/expected.txt for this case
	sed -n "s/^# $1: //p" "$here/corpus/expected.txt" | grep "^${case#corpus/}:" | cut -d: -f2- | sed 's/^ //'
}

includers_in_tree() {	# includers_in_tree HEADER SELF: sorted sources of the .o.cmd files naming HEADER, but SELF
	local h=${1//./\\.}
	find . -mindepth 1 -type d -name '.*' -prune -o -type f -name '.*.o.cmd' -print0 |
		xargs -0 grep -lE "^  (\./)?$h \\\\\$" |
		xargs -r sed -n 's/^source_[^ ]* := \(\.\/\)\{0,1\}//p' | grep -vxF "$2" | LC_ALL=C sort
}

# check_includers "HEADER[: UNITS]" BEFORE: the note names the includers of HEADER
# among the tree's .o.cmd files: all of them, sorted, the first ones named and the
# rest counted, UNITS among them. BEFORE is the set when klp-ccp started; the
# set now bounds it from above (a kernel build may still be adding .o.cmd files).
check_includers() {
	local header=${1%%:*} must= listed more after nb na total last u
	[ "$header" = "$1" ] || must=${1#*: }
	after=$(includers_in_tree "$header" "$src")
	nb=$(printf '%s' "$2" | grep -c .)
	na=$(printf '%s' "$after" | grep -c .)
	listed=$(awk -v p="note: other units including '$header' (from kbuild's .o.cmd files), each needing its own extraction: " \
		'i = index($0, p) { print substr($0, i + length(p)) }' "$work/err")
	if [ -z "$listed" ]; then
		grep -qF "note: no other unit includes '$header' (from kbuild's .o.cmd files)" "$work/err" ||
			fail "no note on the other units including $header"
		[ "$nb" = 0 ] || fail "the note says no other unit includes $header, $nb .o.cmd files name it"
	else
		more=$(printf '%s' "$listed" | sed -n 's/.* and \([0-9]*\) more$/\1/p')
		listed=$(printf '%s' "$listed" | sed 's/ and [0-9]* more$//; s/, /\n/g')
		total=$(($(printf '%s\n' "$listed" | grep -c .) + ${more:-0}))
		[ "$nb" -le "$total" ] && [ "$total" -le "$na" ] ||
			fail "the note counts $total includers of $header, the tree has $nb to $na"
		printf '%s\n' "$listed" | LC_ALL=C sort -c 2>/dev/null || fail "the units listed are not sorted"
		last=$(printf '%s\n' "$listed" | tail -n 1)
		while IFS= read -r u; do
			printf '%s\n' "$after" | grep -qxF "$u" || fail "$u is listed but no .o.cmd file of it names $header"
		done <<<"$listed"
		while IFS= read -r u; do	# the named ones are the first: none skipped
			[ -z "$more" ] || [[ ! "$u" > "$last" ]] || break
			printf '%s\n' "$listed" | grep -qxF "$u" || fail "$u includes $header but is not listed"
		done < <(printf '%s\n' "$2" | LC_ALL=C sort)
	fi
	for u in ${must//,/ }; do
		printf '%s\n' "$2" | grep -qxF "$u" || fail "$u is not among the includers of $header"
	done
}

corpus_case() {	# corpus/NAME.patch: expectations in corpus/expected.txt
	local patch=$here/$case.patch C=${CORPUS:-$HOME/.cache/klp-ccp-corpus} src flat want error note contains lacks
	[ -d "$C/linux" ] || { echo "SKIP: no corpus"; exit 77; }
	src=$(expected unit)	# the unit, for a patch only to headers
	[ -n "$src" ] || src=$(sed -n 's|^+++ b/\([^\t]*\).*|\1|p' "$patch")
	flat=$(echo "${src%.c}" | tr / _)
	want=$(expected derived)
	error=$(expected error)
	mapfile -t argv < <(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))))' "$C/cmdlines/$flat.json")
	lp_argv=()
	for ((i = 0; i < ${#argv[@]}; i++)); do
		case ${argv[i]} in -Wp,*) continue ;; -o) lp_argv+=(-o "$work/lp.o"); i=$((i + 1)); continue ;; esac
		lp_argv+=("${argv[i]}")
	done
	lp_argv[-1]=$work/lp.c
	cd "$C/linux" || exit 1
	before=$(md5sum "$src")
	before=$before$(md5sum $(sed -n 's|^+++ b/\([^\t]*\).*|\1|p' "$patch"))
	includers=$(expected includers)
	[ -z "$includers" ] || includers_before=$(includers_in_tree "${includers%%:*}" "$src")
	"$KLP_CCP" -o "$work/lp.c" --patch="$patch" -- "${argv[@]}" 2>"$work/err"
	rc=$?
	grep -q "derived patched functions: $want\$" "$work/err" || fail "derived functions are not '$want'"
	[ "$(md5sum "$src")$(md5sum $(sed -n 's|^+++ b/\([^\t]*\).*|\1|p' "$patch"))" = "$before" ] ||
		fail "the kernel tree was modified"
	note=$(expected note)
	[ -z "$note" ] || grep -Eq -- "$note" "$work/err" || fail "no note matching '$note'"
	[ -z "$includers" ] || check_includers "$includers" "$includers_before"
	if [ -n "$error" ]; then	# refused after deriving: the error, and no lp.c
		[ $rc = 1 ] || fail "klp-ccp did not fail"
		grep -Eq -- "$error" "$work/err" || fail "no error matching '$error'"
		[ -e "$work/lp.c" ] && fail "lp.c was written"
		return
	fi
	[ $rc = 0 ] || fail "klp-ccp failed"
	"${lp_argv[@]}" 2>>"$work/err" || fail "lp.c does not compile"
	while IFS= read -r contains; do
		grep -qF -- "$contains" "$work/lp.c" || fail "lp.c lacks '$contains'"
	done < <(expected lp-contains)
	while IFS= read -r lacks; do
		grep -qF -- "$lacks" "$work/lp.c" && fail "lp.c has '$lacks'"
	done < <(expected lp-lacks)
	for f in ${want//,/ }; do
		nm "$work/lp.o" | grep -q " T klpp_$f\$" || fail "lp.o does not define klpp_$f"
	done
}

case $case in
corpus/*) corpus_case ;;
*) small_case ;;
esac
echo "PASS patch/$case"
