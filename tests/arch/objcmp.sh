#!/bin/sh
# objcmp on ppc64le objects: external data is reached through .toc entries
# (-mcmodel=medium, as the kernel builds); the same functions defined in the
# other order use other entries and must compare identical, while a function
# reading another variable must not. Usage: objcmp.sh OBJCMP_TOOL
# Exit 77 when powerpc64le-linux-gnu-gcc is not installed.
set -u
objcmp=$1
here=$(cd "$(dirname "$0")" && pwd)
cc=powerpc64le-linux-gnu-gcc
command -v $cc >/dev/null || { echo "SKIP: $cc not installed"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/klp-ccp-arch-objcmp.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
for f in toc_a toc_b toc_c; do
	$cc -O2 -mcmodel=medium -fPIC -ffunction-sections -c -o "$tmp/$f.o" "$here/objcmp/$f.c" ||
		fail "cannot compile $f.c"
done
readelf -r "$tmp/toc_a.o" | grep -q 'R_PPC64_TOC16_HA.*\.toc + 8' ||
	fail "toc_a.o does not reach data through a .toc entry at +8"
"$objcmp" "$tmp/toc_a.o" "$tmp/toc_b.o" get_a get_b >"$tmp/out" 2>&1
grep -qx 'get_a: identical' "$tmp/out" && grep -qx 'get_b: identical' "$tmp/out" ||
	{ cat "$tmp/out"; fail "reordered .toc entries make functions differ"; }
# toc_c.c's get_a reads the other variable: must differ
"$objcmp" "$tmp/toc_a.o" "$tmp/toc_c.o" get_a >"$tmp/out" 2>&1
grep -q '^get_a: differs' "$tmp/out" || { cat "$tmp/out"; fail "get_a reading ext_b compares identical"; }
echo "ok"
