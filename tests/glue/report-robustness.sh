#!/usr/bin/env bash
# The report reader on broken input: every prefix and many one-byte mutations
# of real reports, deep nesting, alias bombs and binary junk parse to an
# error or a report, never a crash (run it on the SANITIZE=1 build too).
. "$(dirname "$0")/lib.sh"
: "${REPORT_CHECK:?}"

cd "$GLUE_TESTS/src" || exit 1
"$KLP_CCP" -o "$work/mix.c" --report="$work/mix.yaml" --patched-functions=mix_step \
	-E "$MIXED_POLICY" -- gcc -O2 -c mix.c || fail "klp-ccp mix.c"
for f in "$work/mix.yaml" "$GLUE_TESTS/fixtures/quoting.yaml"; do
	out=$("$REPORT_CHECK" mangle "$f" 2>/dev/null) || fail "mangle $(basename "$f") crashed: $?"
	echo "ok mangle $(basename "$f"): $out"
done

# Hostile documents: each must give exit 1 and a one-line located error.
python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
open(w + "/deep.yaml", "w").write("[" * 100000 + "]" * 100000)
bomb = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
for i in range(1, 30):
    bomb.append("a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d]" % ((i, i) + (i - 1,) * 6))
bomb.append("source: *a29")
open(w + "/bomb.yaml", "w").write("\n".join(bomb) + "\n")
open(w + "/cycle.yaml", "w").write("source: s\noutput: o\ncompiler_command: &c [*c]\n")
open(w + "/junk.yaml", "wb").write(bytes(range(256)) * 4)
open(w + "/utf16.yaml", "wb").write("source: x\n".encode("utf-16"))
open(w + "/huge.yaml", "w").write("source: " + "x" * 5000000 + "\n")
PY
for f in deep bomb cycle junk utf16 huge; do
	timeout 20 "$REPORT_CHECK" dump "$work/$f.yaml" >/dev/null 2>"$work/$f.err"
	rc=$?
	[ $rc -eq 1 ] || fail "$f.yaml: exit $rc (want 1): $(head -2 "$work/$f.err")"
	[ "$(wc -l <"$work/$f.err")" -eq 1 ] || fail "$f.yaml: not one error line: $(cat "$work/$f.err")"
	grep -Eq "^$work/$f.yaml:[0-9]+(:[0-9]+)?: error: " "$work/$f.err" ||
		fail "$f.yaml: error without file:line: $(cat "$work/$f.err")"
	echo "ok $f.yaml: $(cut -c1-140 "$work/$f.err" | sed "s|$work/||")"
done
echo PASS
