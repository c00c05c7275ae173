#!/bin/bash
# same.sh KLP_CCP: with --target-object, the built-in shall-externalize-fun
# and can-externalize-fun give policies/kernel's answers (issue 13 item 10):
# a static inline of a local (refused) header that the target has out of
# line and that is not inlined into f (cb_reset) is externalized by both, one
# inlined into f (cb_on) or absent (cb_unused_elsewhere) copied by both; the
# two lp.c are the same.
set -u
KLP_CCP=$1
. "$(dirname "$0")/setup.sh" same same.c same.h
CFLAGS="-O2 -Wall -Werror -Wno-attributes"
$CC $CFLAGS -g -c same.c -o same.o || exit 1
nm same.o | grep -q ' t cb_reset$' && ! nm same.o | grep -q 'cb_on\|cb_unused' ||
	{ echo "SKIP: $CC inlined differently"; exit 77; }
for pol in default kernel; do
	hooks=(-H "$K/may-include-header")
	[ $pol = kernel ] && hooks+=(-F "$K/can-externalize-fun" -S "$K/shall-externalize-fun")
	"$KLP_CCP" -o lp-$pol.c --patched-functions=f --target-object=same.o "${hooks[@]}" \
		-- $CC $CFLAGS -c same.c 2>lp-$pol.err || { fail "$pol: $(cat lp-$pol.err)"; continue; }
	$CC $CFLAGS -c lp-$pol.c -o lp-$pol.o || { fail "lp-$pol.c does not compile"; continue; }
	nm -u lp-$pol.o | grep -qw cb_reset || fail "$pol: cb_reset not externalized"
	grep -q '^static inline int cb_on(' lp-$pol.c || fail "$pol: cb_on not copied"
	grep -q '^static inline int cb_unused_elsewhere(' lp-$pol.c ||
		fail "$pol: cb_unused_elsewhere not copied"
done
cmp -s lp-default.c lp-kernel.c || fail "defaults and policies/kernel differ: $(diff lp-default.c lp-kernel.c)"
[ $FAILED = 0 ] && echo "PASS" || exit 1
