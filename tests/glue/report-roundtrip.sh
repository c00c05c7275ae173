#!/usr/bin/env bash
# Report round-trip: reports written by klp-ccp read back with the report
# reader give the same facts as PyYAML reads, and match what lp.c holds
# (patched new names defined there, pointer symbols declared as pointers,
# plain ones declared extern or taken from a header).
. "$(dirname "$0")/lib.sh"
: "${REPORT_CHECK:?}"

check() {	# NAME REPORT LP
	"$REPORT_CHECK" dump "$2" >"$work/$1.c.dump" || fail "$1: reader failed"
	python3 "$GLUE_TESTS/pydump.py" "$2" >"$work/$1.py.dump" || fail "$1: PyYAML failed"
	diff -u "$work/$1.py.dump" "$work/$1.c.dump" || fail "$1: reader and PyYAML disagree"
	[ -z "$3" ] || "$REPORT_CHECK" lp "$2" "$3" || fail "$1: report and lp.c disagree"
	echo "ok $1: $(grep -c '^patched=' "$work/$1.c.dump") patched," \
		"$(grep -c '^ext=.*|pointer|' "$work/$1.c.dump") pointer," \
		"$(grep -c '^ext=.*|plain|' "$work/$1.c.dump") plain"
}

cd "$GLUE_TESTS/src" || exit 1
"$KLP_CCP" -o "$work/mix.c" --report="$work/mix.yaml" --patched-functions=mix_step,mix_other \
	-E "$MIXED_POLICY" -- gcc -O2 -c mix.c || fail "klp-ccp mix.c"
check mix "$work/mix.yaml" "$work/mix.c"
grep -qE '^ext=p_calls\.[0-9]+\|klpe_p_calls\|object\|pointer\|' "$work/mix.c.dump" || fail "p_calls not a pointer"
grep -qE '^ext=q_calls\.[0-9]+\|q_calls_[0-9]+\|object\|plain\|' "$work/mix.c.dump" || fail "q_calls not plain"

cd "$KLP_CCP_SRC/examples/counter" || exit 1
"$KLP_CCP" -o "$work/counter.c" --report="$work/counter.yaml" --patched-functions=counter_bump \
	-- gcc -O2 -c counter.c || fail "klp-ccp counter.c"
check counter-plain "$work/counter.yaml" "$work/counter.c"
"$KLP_CCP" -o "$work/counterp.c" --report="$work/counterp.yaml" --patched-functions=counter_bump \
	-E "$KLP_CCP_SRC/policies/kernel/modify-externalized-sym --pointer" \
	-- gcc -O2 -c counter.c || fail "klp-ccp counter.c --pointer"
check counter-pointer "$work/counterp.yaml" "$work/counterp.c"

# Hand-written: quoting, null spellings, flow style, anchors, unknown keys.
check quoting "$GLUE_TESTS/fixtures/quoting.yaml" ""
echo PASS
