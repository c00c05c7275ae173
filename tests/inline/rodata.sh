#!/bin/bash
# rodata.sh KLP_CCP: a file-scope static the target keeps in read-only data
# though C declares it writable (GCC saw no store and no address taken:
# nothing can tell a copy from it) is copied into lp.c; a written one is
# externalized; verify finds lp.c's build identical though the copy lies at
# another offset of .rodata (rodata.c). Built-in defaults and policies/kernel.
set -u
KLP_CCP=$1
. "$(dirname "$0")/setup.sh" rodata rodata.c
CFLAGS="-O2 -fno-pie -Wall -Werror"
$CC $CFLAGS -g -c rodata.c -o rodata.o || exit 1
readelf -sW rodata.o | awk '$8 == "caps" { print $7 }' | grep -qx "$(readelf -SW rodata.o |
	sed -n 's/^ *\[ *\([0-9]*\)\] \.rodata .*/\1/p')" ||
	{ echo "SKIP: $CC did not put caps in .rodata"; exit 77; }
for pol in default kernel; do
	hooks=()
	[ $pol = kernel ] && hooks=("${KERNEL_HOOKS[@]}")
	"$KLP_CCP" -o lp-$pol.c --patched-functions=lookup --target-object=rodata.o "${hooks[@]}" \
		-- $CC $CFLAGS -c rodata.c 2>lp-$pol.err || { fail "$pol: $(cat lp-$pol.err)"; continue; }
	$CC $CFLAGS -c lp-$pol.c -o lp-$pol.o || { fail "lp-$pol.c does not compile"; continue; }
	grep -q '^} caps\[\] = ' lp-$pol.c || fail "$pol: caps not copied"
	nm lp-$pol.o | grep -qw caps || fail "$pol: lp-$pol.o does not define caps"
	grep -q 'state' lp-$pol.c && ! grep -q '^static int state' lp-$pol.c ||
		fail "$pol: state copied or missing"
	"$KLP_CCP" verify --target-object=rodata.o --patched-functions=lookup lp-$pol.c \
		-- $CC $CFLAGS -c rodata.c >verify-$pol.out 2>&1
	grep -qx 'lookup: identical' verify-$pol.out || fail "$pol: verify: $(cat verify-$pol.out)"
done
[ $FAILED = 0 ] && echo "PASS" || exit 1
