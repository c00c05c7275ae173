#!/usr/bin/env bash
# Install the build dependencies (Debian 12), build build/klp-ccp and extract a
# livepatch for counter_bump() from the bundled example.
set -euo pipefail
cd "$(dirname "$0")/.."

pkgs=(cmake gcc make pkg-config libclang-16-dev libdwarf-dev libyaml-dev libelf-dev)
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
	$sudo apt-get update
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"

mkdir -p examples/out
cd examples/counter
../../build/klp-ccp -o ../out/lp.c --patched-functions=counter_bump -- gcc -O2 -Wall -c counter.c
gcc -O2 -Wall -c ../out/lp.c -o ../out/lp.o
echo "klp-ccp wrote examples/out/lp.c (compiled to examples/out/lp.o):"
cat ../out/lp.c
