#!/bin/sh
# -c/--compiler ARCH-gcc-VERSION picks the cross compiler for ARCH when the
# command line names another one: a kernel built on a ppc64le machine with
# "gcc" is extracted on x86_64 with -c powerpc64le-gcc-12.2.0.
# Usage: compiler.sh KLP_CCP. Exit 77 when powerpc64le-linux-gnu-gcc is missing.
set -u
klp=$1
here=$(cd "$(dirname "$0")" && pwd)
cc=powerpc64le-linux-gnu-gcc
command -v $cc >/dev/null || { echo "SKIP: $cc not installed"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/klp-ccp-arch-compiler.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cp "$here/compiler/input.c" "$tmp/input.c"
cd "$tmp" || exit 1
version=$($cc -dumpfullversion)
"$klp" -c "powerpc64le-gcc-$version" -o lp.c --patched-functions=pu_f -- \
	gcc -O2 -c -o input.o input.c 2>err || { cat err; fail "extraction with -c failed"; }
grep -q '#define DS_FORM_CONSTRAINT "YZ<>"' lp.c || fail "lp.c lost the original constraint"
$cc -O2 -c -o lp.o lp.c || fail "lp.c does not compile with $cc"
nm lp.o | grep -q ' T klpp_pu_f$' || fail "lp.o does not define klpp_pu_f"
# with the host's gcc, pu_f does not exist
"$klp" -o lp2.c --patched-functions=pu_f -- gcc -O2 -c -o input.o input.c 2>err &&
	fail "the host gcc found pu_f"
[ ! -e lp2.c ] || fail "partial output"
echo ok
