#!/usr/bin/env bash
# Batch mode (examples/batch): a job list of small C inputs run with
# "xargs -P2" (MODE=xargs, examples/batch/run.sh) or "make -j2" (MODE=make,
# examples/batch/Makefile). Every good job's lp.c must compile and its report
# exist; the bad job must fail alone, its error in its own log only.
# Usage: run.sh xargs|make   Environment: KLP_CCP (the binary).
set -u
mode=$1
here=$(cd "$(dirname "$0")" && pwd)
batch=$here/../../examples/batch
src=$here/src
: "${KLP_CCP:?KLP_CCP not set}"
export KLP_CCP
command -v gcc >/dev/null || { echo "no gcc: skipped"; exit 77; }
[ "$mode" = xargs ] || command -v make >/dev/null || { echo "no make: skipped"; exit 77; }

w=$(mktemp -d "${TMPDIR:-/tmp}/klp-ccp-batch.XXXXXX") || exit 1
trap 'rm -rf "$w"' EXIT
cd "$w" || exit 1
# Jobs start klp-ccp directly: a python3 (or any interpreter besides the
# job's own bash) started for a job is recorded and fails the test.
mkdir bin
for p in python3 python; do
	printf '#!/bin/sh\necho "$0 $*" >>"%s/interpreters"\nexit 1\n' "$w" >"bin/$p"
	chmod +x "bin/$p"
done
PATH=$w/bin:$PATH
status=0
bad() {
	echo "FAIL: $*"
	status=1
}

# c.c's command line as a JSON array, like the corpus cmdlines.
printf '["gcc", "-O2", "-DC_UNUSED=\\"a b\\"", "-c", "c.c"]\n' >c.json
cat >jobs.txt <<JOBS
# OUTDIR FUNCTIONS DIR [OPTION...] -- COMMAND
out/a     a_bump       $src -- gcc -O2 -c a.c
out/b/    b_get,b_set  $src --pol-cmd-timeout=20 -- gcc -O2 -Iinc -c b.c
$w/out/c  c_name       $src -- c.json

out/bad   no_such_fn   $src -- gcc -O2 -c a.c   # deliberately bad
out/d     c_scale      $src -- gcc -O2 -c c.c
JOBS
good="a:a_bump b:b_get,b_set c:c_name d:c_scale"

case $mode in
xargs) "$batch/run.sh" -j 2 jobs.txt >driver.out 2>&1 ;;
make) make -f "$batch/Makefile" JOBS=jobs.txt -j2 >driver.out 2>&1 ;;
*) echo "unknown mode $mode"; exit 2 ;;
esac
rc=$?
cat driver.out
[ $rc -ne 0 ] || bad "driver exit status 0 with a failing job"
[ ! -e interpreters ] || bad "jobs started interpreters: $(sort -u interpreters | head -n3)"

for j in $good; do
	d=out/${j%%:*} funcs=${j#*:}
	[ -s "$d/lp.c" ] || { bad "$d: no lp.c"; continue; }
	# as the original: in its directory, with its include path
	(cd "$src" && gcc -O2 -Iinc -Wall -Werror -c "$w/$d/lp.c" -o "$w/$d/lp.o") 2>"$d/cc.log" ||
		bad "$d: lp.c does not compile: $(head -n3 "$d/cc.log")"
	[ -s "$d/report.yaml" ] || bad "$d: no report.yaml"
	grep -qx "output: $w/$d/lp.c" "$d/report.yaml" || bad "$d: report names another output"
	for f in ${funcs//,/ }; do
		grep -qx -- "- old_name: $f" "$d/report.yaml" || bad "$d: $f not in its report"
		nm "$d/lp.o" | grep -qw "klpp_$f" || bad "$d: lp.o does not define klpp_$f"
	done
	[ -f "$d/log" ] || bad "$d: no log"
	! grep -q error "$d/log" || bad "$d: error in its log"
	grep -qx "ok $w/$d" driver.out || bad "$d: not reported ok"
done

[ ! -e out/bad/lp.c ] && [ ! -e out/bad/report.yaml ] || bad "bad job wrote output"
grep -q "error: .*no_such_fn" out/bad/log || bad "bad job's error not in its log"
[ "$(grep -l no_such_fn out/*/log)" = out/bad/log ] || bad "bad job's error in another log"
grep -q "^FAILED $w/out/bad: .*no_such_fn" driver.out || bad "bad job not reported"
[ "$(grep -c '^FAILED' driver.out)" = 1 ] || bad "not exactly one job failed"

# A malformed command file is one error line in its job's log.
printf '["gcc", "-c", 3]\n' >bad.json
"$batch/klp-ccp-job" "out/badjson c_name $src -- $w/bad.json" >badjson.out
grep -q "^FAILED $w/out/badjson: .*bad.json.*not a JSON array of strings" badjson.out ||
	bad "malformed JSON: $(cat badjson.out out/badjson/log)"

case $mode in
xargs)
	grep -qx "5 jobs, 1 failed" driver.out || bad "no summary" ;;
make)
	# Again: only the failed job runs; the good ones are up to date.
	make -f "$batch/Makefile" JOBS=jobs.txt -j2 >again.out 2>&1
	grep -c '^ok\|^FAILED' again.out | grep -qx 1 && grep -q '^FAILED.*out/bad' again.out ||
		bad "make again did not re-run only the failed job: $(cat again.out)" ;;
esac
exit $status
