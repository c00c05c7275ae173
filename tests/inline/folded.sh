#!/bin/bash
# folded.sh KLP_CCP: a static object the target has no symbol for (GCC
# folded the constant table away) is copied, never externalized (an
# undefined reference nothing resolves, and its values are needed at
# compile time); a static the target has is externalized. Built-in
# defaults and policies/kernel alike (folded.c).
set -u
KLP_CCP=$1
. "$(dirname "$0")/setup.sh" folded folded.c
CFLAGS="-O2 -Wall -Werror"
$CC $CFLAGS -g -c folded.c -o folded.o || exit 1
! nm folded.o | grep -q ' lens$' && nm folded.o | grep -q ' uses$' ||
	{ echo "SKIP: $CC kept lens or dropped uses"; exit 77; }
for pol in default kernel; do
	hooks=()
	[ $pol = kernel ] && hooks=(-O "$K/shall-externalize-obj" -F "$K/can-externalize-fun" -S "$K/shall-externalize-fun")
	"$KLP_CCP" -o lp-$pol.c --patched-functions=f --target-object=folded.o "${hooks[@]}" \
		-- $CC $CFLAGS -c folded.c 2>lp-$pol.err || { fail "$pol: $(cat lp-$pol.err)"; continue; }
	$CC $CFLAGS -c lp-$pol.c -o lp-$pol.o || { fail "lp-$pol.c does not compile"; continue; }
	grep -q '^static const unsigned char lens\[\] = ' lp-$pol.c || fail "$pol: lens not copied"
	nm -u lp-$pol.o | grep -qw lens && fail "$pol: lens referenced"
	nm -u lp-$pol.o | grep -qw uses || fail "$pol: uses not externalized"
done
cmp -s lp-default.c lp-kernel.c || fail "defaults and policies/kernel differ: $(diff lp-default.c lp-kernel.c)"
[ $FAILED = 0 ] && echo "PASS" || exit 1
