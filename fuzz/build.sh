#!/bin/bash
# Build the libFuzzer targets of klp-ccp with clang (libFuzzer + ASan + UBSan).
#
# Usage: fuzz/build.sh [OUT-DIR] [TARGET...]
#   OUT-DIR   where the binaries go (default: <repo>/build-fuzz)
#   TARGET    fuzz_cmdline fuzz_ipa_clones fuzz_report fuzz_hook_answer fuzz_patch
#             (default: every target whose source fuzz/TARGET.c exists)
# Environment: CLANG (default clang-14, else clang), LLVM_DIR (clang-c headers
# for gcc_cmdline.h; default: the newest /usr/lib/llvm-N with them).
# Exit status 77 when no clang with libFuzzer is available.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
out=${1:-$root/build-fuzz}
[ $# -gt 0 ] && shift

CLANG=${CLANG:-}
if [ -z "$CLANG" ]; then
	for c in clang-14 clang; do
		command -v "$c" >/dev/null 2>&1 && { CLANG=$c; break; }
	done
fi
[ -n "$CLANG" ] || { echo "fuzz/build.sh: no clang found (apt-get install clang-14)" >&2; exit 77; }
if ! echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return 0; }' |
	"$CLANG" -x c -fsanitize=fuzzer - -o /dev/null 2>/dev/null; then
	echo "fuzz/build.sh: $CLANG cannot link -fsanitize=fuzzer (libclang-rt-N-dev missing?)" >&2
	exit 77
fi

LLVM_DIR=${LLVM_DIR:-}
if [ -z "$LLVM_DIR" ]; then
	for v in 16 15 14; do
		[ -f /usr/lib/llvm-$v/include/clang-c/Index.h ] && { LLVM_DIR=/usr/lib/llvm-$v; break; }
	done
fi

# Sources of src/ each target links (besides fuzz/TARGET.c), and libraries.
declare -A SRCS=(
	[fuzz_cmdline]="gcc_cmdline.c util.c diag.c"
	[fuzz_ipa_clones]="ipa_clones.c maps.c util.c diag.c"
	[fuzz_report]="report_read.c util.c diag.c"
	# the hook answer parser (src/policy.c); the target source is added by the lead
	[fuzz_hook_answer]="policy.c hook_spawn.c pol_server.c maps.c cli.c util.c diag.c"
	[fuzz_patch]="patch_read.c util.c diag.c"
)
declare -A LIBS=(
	[fuzz_cmdline]="" [fuzz_ipa_clones]="" [fuzz_report]="-lyaml" [fuzz_hook_answer]="" [fuzz_patch]=""
)
ALL=(fuzz_cmdline fuzz_ipa_clones fuzz_report fuzz_hook_answer fuzz_patch)

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
	for t in "${ALL[@]}"; do [ -f "$here/$t.c" ] && targets+=("$t"); done
fi

mkdir -p "$out"
# shellcheck disable=SC2054  # commas inside -fsanitize=
CFLAGS=(-g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined
	-fno-sanitize-recover=undefined -std=gnu11 -D_GNU_SOURCE -DKLP_CCP_VERSION='"fuzz"'
	-I"$root/include" -I"$here")
[ -n "$LLVM_DIR" ] && CFLAGS+=(-I"$LLVM_DIR/include")
for t in "${targets[@]}"; do
	[ -n "${SRCS[$t]+set}" ] || { echo "fuzz/build.sh: unknown target $t" >&2; exit 2; }
	[ -f "$here/$t.c" ] || { echo "fuzz/build.sh: $here/$t.c missing" >&2; exit 2; }
	objs=()
	mkdir -p "$out/obj-$t"
	"$CLANG" "${CFLAGS[@]}" -c "$here/$t.c" -o "$out/obj-$t/$t.o"
	objs+=("$out/obj-$t/$t.o")
	for s in ${SRCS[$t]}; do
		# the fopen guard of fuzz_common.h, for the targets that include it
		guard=(); grep -q '"fuzz_common.h"' "$here/$t.c" && guard=(-Dfopen=klp_fuzz_fopen -Dopen=klp_fuzz_open)
		"$CLANG" "${CFLAGS[@]}" "${guard[@]}" -c "$root/src/$s" -o "$out/obj-$t/${s%.c}.o"
		objs+=("$out/obj-$t/${s%.c}.o")
	done
	# shellcheck disable=SC2086
	"$CLANG" "${CFLAGS[@]}" "${objs[@]}" ${LIBS[$t]} -o "$out/$t"
	echo "built $out/$t"
done
