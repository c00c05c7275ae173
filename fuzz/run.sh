#!/bin/bash
# Build the libFuzzer targets and fuzz each for a bounded time.
#
# Usage: fuzz/run.sh [SECONDS] [TARGET...]
#   SECONDS  fuzzing time per target (default 60)
#   TARGET   default: every fuzz/fuzz_*.c target
# Environment: FUZZ_OUT (build and work directory, default <repo>/build-fuzz),
# CLANG, LLVM_DIR (see fuzz/build.sh), FUZZ_JOBS (parallel targets, default 1).
#
# Each target starts from its committed seed corpus fuzz/corpus/TARGET/ (never
# modified: new inputs go to FUZZ_OUT/corpus/TARGET/) and first replays the
# committed reproducers fuzz/crashes/TARGET/* (which must no longer crash).
# Exit status: 0 no crash, 1 a crash, leak, timeout or OOM (artifacts in
# FUZZ_OUT/artifacts/TARGET/), 77 no usable clang (nothing run).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
secs=${1:-60}
[ $# -gt 0 ] && shift
out=${FUZZ_OUT:-$root/build-fuzz}
mkdir -p "$out" && out=$(cd "$out" && pwd)	# the targets chdir to a scratch directory

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
	for f in "$here"/fuzz_*.c; do targets+=("$(basename "$f" .c)"); done
fi

"$here/build.sh" "$out" "${targets[@]}"
rc=$?
[ $rc -eq 0 ] || exit $rc

declare -A MAXLEN=([fuzz_cmdline]=4096 [fuzz_ipa_clones]=16384 [fuzz_report]=8192
		   [fuzz_hook_answer]=4096 [fuzz_patch]=8192)
status=0
for t in "${targets[@]}"; do
	seeds=$here/corpus/$t work=$out/corpus/$t art=$out/artifacts/$t/ log=$out/$t.log
	mkdir -p "$work" "$art" "$seeds"
	common=(-error_exitcode=1 -timeout_exitcode=1 -timeout=10 -rss_limit_mb=2048
		-close_fd_mask=2 -max_len="${MAXLEN[$t]:-4096}" -artifact_prefix="$art")
	# Committed reproducers of past crashes: each must run cleanly now.
	repro=()
	for f in "$here/crashes/$t"/*; do [ -f "$f" ] && repro+=("$f"); done
	if [ ${#repro[@]} -gt 0 ] && ! "$out/$t" "${common[@]}" "${repro[@]}" >"$log.repro" 2>&1; then
		echo "FAIL $t: a committed reproducer in fuzz/crashes/$t still fails:"
		grep -E 'ERROR|SUMMARY|Running:' "$log.repro" | head -n 20
		status=1
		continue
	fi
	echo "==> $t: fuzzing for ${secs}s (log: $log)"
	if "$out/$t" "${common[@]}" -max_total_time="$secs" -print_final_stats=1 \
		"$work" "$seeds" >"$log" 2>&1; then
		echo "ok $t: $(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}') execs," \
		     "$(grep -E '^stat::new_units_added' "$log" | awk '{print $2}') new units"
	else
		echo "FAIL $t: see $log; reproducer(s): $(ls "$art" 2>/dev/null | tr '\n' ' ')"
		grep -E -A 25 '==ERROR|runtime error|SUMMARY|deadly signal|Test unit written' "$log" | head -n 60
		status=1
	fi
done
exit $status
