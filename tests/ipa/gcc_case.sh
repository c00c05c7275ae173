#!/bin/sh
# Compile a small C file with GCC 12 -O2 -fdump-ipa-clones and compare the
# output of a command run on its dump with the expected output.
#   gcc_case.sh SRC.c EXPECTED CMD ARG...
# An ARG "@DUMP@" is replaced by the dump's path. The command runs in a
# scratch directory holding the dump and SRC.o; it must exit 0.
# Exit 77 (skip) when gcc is not GCC 12: the expected outputs record GCC 12's
# inlining and cloning decisions.

src=$1
expected=$2
shift 2
if ! command -v gcc >/dev/null 2>&1; then
	echo "SKIP: no gcc"
	exit 77
fi
case $(gcc -dumpversion) in
12|12.*) ;;
*)
	echo "SKIP: gcc $(gcc -dumpversion) is not GCC 12"
	exit 77
	;;
esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
base=$(basename "$src")
cp "$src" "$tmp/$base" || exit 1
cd "$tmp" || exit 1
gcc -O2 -c -fdump-ipa-clones "$base" || exit 1
dump="$tmp/$base.000i.ipa-clones"
if [ ! -f "$dump" ]; then
	echo "FAIL: gcc wrote no $dump"
	exit 1
fi

n=$#
for a; do
	if [ "$a" = @DUMP@ ]; then
		set -- "$@" "$dump"
	else
		set -- "$@" "$a"
	fi
done
shift "$n"

"$@" >out.txt 2>err.txt
rc=$?
cat err.txt
if [ $rc -ne 0 ]; then
	echo "FAIL: exit status $rc"
	exit 1
fi
if ! diff -u "$expected" out.txt; then
	echo "FAIL: output differs from $expected (dump below)"
	cat "$dump"
	exit 1
fi
exit 0
