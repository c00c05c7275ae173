#!/bin/bash
# selfcall.sh KLP_CCP: f calls itself through selfcall.h's inline wrap.
# lp.c defines klpp_f; wrap's call would name the running f, no cycle for
# GCC, which then inlines wrap early: the code differs (the kernel's
# ___pskb_trim through pskb_trim). "#define f klpp_f" before the #include
# gives the cycle back: verify finds f identical, and the report lists no
# reference of the header to the running f. Not when the headers use f
# otherwise than by calls and declarations (selfcall-other.h, -DADDRESS:
# its address, which must stay the running function's; -DMEMBER: a struct
# member named f):
# then wrap calls the running f as before, listed in the report. With the
# built-in defaults (policies/kernel copies wrap, which then calls klpp_f:
# identical too); lp.c compiles under -Werror.
set -u
KLP_CCP=$1
. "$(dirname "$0")/setup.sh" selfcall selfcall.c selfcall.h selfcall-other.h
for pol in default kernel; do
	hooks=()
	[ $pol = kernel ] && hooks=("${KERNEL_HOOKS[@]}")
	for def in "" -DADDRESS -DMEMBER; do
		CFLAGS="-O2 -Wall -Werror $def"
		$CC $CFLAGS -g -c selfcall.c -o t.o || exit 1
		out=lp-$pol$def.c
		"$KLP_CCP" -o $out --report=$out.yaml --patched-functions=f --target-object=t.o \
			${hooks[@]+"${hooks[@]}"} -- $CC $CFLAGS -c selfcall.c 2>$out.err ||
			{ fail "$out: extraction failed: $(cat $out.err)"; continue; }
		$CC $CFLAGS -c $out -o $out.o || { fail "$out: does not compile"; continue; }
		if [ -z "$def" ]; then
			nm $out.o | grep -qw 'U f' && fail "$out.o: references the running f"
			"$KLP_CCP" verify --target-object=t.o --patched-functions=f $out \
				-- $CC $CFLAGS -c selfcall.c >$out.v 2>&1 || fail "$out: $(cat $out.v)"
		fi
		# policies/kernel copies wrap (klpr_wrap calls klpp_f): no #include
		[ $pol = kernel ] && continue
		if [ -z "$def" ]; then
			[ "$(grep -n '^#define f klpp_f$' $out | cut -d: -f1)" -lt \
			  "$(grep -n '^#include "selfcall.h"' $out | cut -d: -f1)" ] 2>/dev/null ||
				fail "$out: no #define f klpp_f before the #include"
			grep -q 'via: wrap' $out.yaml && fail "$out.yaml: wrap's call still a reference"
		else
			grep -q '#define f ' $out && fail "$out: #define f though the header uses f otherwise"
			grep -q 'via: wrap' $out.yaml || fail "$out.yaml: wrap's call to the running f not listed"
		fi
	done
done
[ $FAILED = 0 ] && echo "PASS" || exit 1
