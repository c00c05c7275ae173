#!/usr/bin/env bash
# The whole test suite: install what it needs, build, set up the kernel
# corpus, run every ctest test. SANITIZE=1 builds with ASan/UBSan instead.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

pkgs=(cmake gcc make pkg-config python3 python3-yaml bc kmod libclang-16-dev libdwarf-dev libyaml-dev libelf-dev binutils)
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
if [ "${SKIP_CORPUS:-0}" != 1 ] && [ -x "$shared/corpus/setup-kernel-corpus.sh" -o -f "$shared/corpus/setup-kernel-corpus.sh" ]; then
	echo "==> kernel corpus in $CORPUS"
	bash "$shared/corpus/setup-kernel-corpus.sh" >"${TMPDIR:-/tmp}/klp-ccp-corpus-setup.log" 2>&1 || {
		tail -n 30 "${TMPDIR:-/tmp}/klp-ccp-corpus-setup.log"; echo "corpus setup failed"; exit 1; }
fi

build=build
cmake_args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
if [ "${SANITIZE:-0}" = 1 ]; then
	build=build-san
	cmake_args+=(-DKLP_CCP_SANITIZE=ON)
	export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
fi
cmake -S . -B "$build" "${cmake_args[@]}" >/dev/null
cmake --build "$build" -j"$(nproc)"
cd "$build"
ctest --output-on-failure -j"$(nproc)" "$@"
