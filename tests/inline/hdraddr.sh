#!/bin/bash
# hdraddr.sh KLP_CCP: a global function of the unit (plain_mtu) whose
# address a header's inline compares and which it calls (dst_mtu of
# hdraddr.h, as the kernel's dst_mtu() does with ip6_mtu), inlined by the
# target into the patched fits(), gets an "extern inline gnu_inline" body
# although that body calls a static (metric_mtu, a header's static inline):
# a renamed copy of dst_mtu would compare the copy's address. The body is
# in lines marked as a system header's (linemarker flag 3, then a plain
# one), where GCC does not report C99 6.7.4p3's pedwarn, so lp.c compiles
# under -Werror; lp.o defines no plain_mtu and refers to the running one;
# klp-ccp verify: identical. With the built-in defaults and policies/kernel.
set -u
KLP_CCP=$1
. "$(dirname "$0")/setup.sh" hdraddr hdraddr.c hdraddr.h
CFLAGS="-O2 -Wall -Werror -fno-PIE"
$CC $CFLAGS -g -c hdraddr.c -o t.o || exit 1
"$KLP_CCP" facts --target-object=t.o plain_mtu | grep -qx -- '- fits' ||
	{ echo "SKIP: $CC did not inline plain_mtu into fits"; exit 77; }

for pol in default kernel; do
	hooks=()
	[ $pol = kernel ] && hooks=("${KERNEL_HOOKS[@]}")
	out=lp-$pol.c
	"$KLP_CCP" -o $out --report=$out.yaml --patched-functions=fits --target-object=t.o \
		${hooks[@]+"${hooks[@]}"} -- $CC $CFLAGS -c hdraddr.c 2>$out.err ||
		{ fail "$out: extraction failed: $(cat $out.err)"; continue; }
	$CC $CFLAGS -c $out -o $out.o 2>$out.cc || { fail "$out: $(head -3 $out.cc)"; continue; }
	grep -B1 '^extern inline __attribute__((__gnu_inline__)) unsigned int plain_mtu(' $out |
		grep -q '^# [0-9]* ".*hdraddr.c" 3$' ||
		fail "$out: no extern inline body of plain_mtu in system-header lines"
	grep -A5 '^extern inline .* plain_mtu(' $out | grep -q '^# [0-9]* ".*hdraddr.c"$' ||
		fail "$out: the system-header lines do not end after plain_mtu's body"
	nm $out.o | grep -q ' [TtWw] plain_mtu$' && fail "$out: lp.o defines plain_mtu"
	nm -u $out.o | grep -qx ' *U plain_mtu' || fail "$out: lp.o does not refer to the running plain_mtu"
	"$KLP_CCP" verify --target-object=t.o --patched-functions=fits $out \
		-- $CC $CFLAGS -c hdraddr.c >$out.v 2>&1 || fail "$out: $(cat $out.v)"
done
[ $FAILED = 0 ] && echo "PASS" || exit 1
