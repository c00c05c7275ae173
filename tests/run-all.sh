#!/usr/bin/env bash
# The whole test suite: install what it needs, set up the kernel corpus,
# build, run every ctest test, then the sanitizer build (ASan+UBSan+LSan) on
# the suite's non-corpus tests and every libFuzzer target for FUZZ_SECONDS.
#   QUICK=1          only the first part (build + ctest)
#   SKIP_CORPUS=1    no corpus setup (corpus tests are then skipped)
#   SKIP_KERNEL=1    no full corpus kernel (the boot test is then skipped)
#   FUZZ_SECONDS=N   fuzzing time per target (default 60)
# Extra arguments go to the first ctest run (e.g. -R toy/).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
jobs=$(nproc)

pkgs=(cmake gcc make pkg-config python3 python3-yaml bc kmod patch valgrind clang-14
      libclang-rt-14-dev libclang-16-dev libdwarf-dev libyaml-dev libelf-dev binutils
      qemu-system-x86 busybox-static cpio)
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
	$sudo apt-get update
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi

shared=${KLP_CCP_SHARED:-$root/../shared}
export CORPUS=${CORPUS:-$HOME/.cache/klp-ccp-corpus}
if [ "${SKIP_CORPUS:-0}" != 1 ] && [ -f "$shared/corpus/setup-kernel-corpus.sh" ]; then
	echo "==> kernel corpus in $CORPUS"
	log=${TMPDIR:-/tmp}/klp-ccp-corpus-setup.log
	bash "$shared/corpus/setup-kernel-corpus.sh" >"$log" 2>&1 || {
		tail -n 30 "$log"; echo "corpus setup failed"; exit 1; }
	# Cross-built corpora: ppc64le, s390x, arm64 in $CORPUS-ARCH (first run
	# about 10 minutes, cached afterwards).
	echo "==> cross-built kernel corpora in $CORPUS-{ppc64le,s390x,arm64}"
	log=${TMPDIR:-/tmp}/klp-ccp-arch-corpus-setup.log
	bash tests/arch/setup-arch-corpus.sh >"$log" 2>&1 || {
		tail -n 30 "$log"; echo "cross corpus setup failed"; exit 1; }
	# the full kernel of the corpus tree (vmlinux, Module.symvers, bzImage)
	# for the boot test: cached, about 13 min the first time on 2 cores
	if [ "${SKIP_KERNEL:-0}" != 1 ]; then
		echo "==> corpus kernel (tests/boot/build-kernel.sh)"
		JOBS=$jobs tests/boot/build-kernel.sh
	fi
fi

echo "==> build and test (build/)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"
(cd build && ctest --output-on-failure -j"$jobs" "$@")
[ "${QUICK:-0}" = 1 ] && exit 0

echo "==> AddressSanitizer + UBSan build (build-san/), non-corpus tests"
cmake -S . -B build-san -DKLP_CCP_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build-san -j"$jobs"
(cd build-san && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j"$jobs" \
	-LE 'fuzz|valgrind|boot' -E 'kernel|corpus|^arch\.')

echo "==> libFuzzer targets, ${FUZZ_SECONDS:-60} s each"
rc=0
fuzz/run.sh "${FUZZ_SECONDS:-60}" || rc=$?
[ $rc = 0 ] || [ $rc = 77 ] || { echo "fuzzing found a problem (see build-fuzz/artifacts)"; exit 1; }
echo "==> all passed"
