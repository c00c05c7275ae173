#!/bin/bash
# noconstcaller.sh KLP_CCP: se_sys and get_mask are inlined into x64_sys and
# ia32_sys in the target (noconstcaller.c); lp.c patches x64_sys and lacks
# ia32_sys, but x64_sys's calls pass them no constant: there is nothing
# GCC could specialize them for, so lp.c gets no never-called caller
# standing for ia32_sys (one took from GCC the "called once" and changed the
# order of its inlining decisions: the kernel's get_user_cpu_mask stayed a
# call in __x64_sys_sched_setaffinity). missingcaller.sh: with a constant
# it gets one (a header inline it calls may still get coldcaller.sh's cold
# caller). With the built-in defaults and policies/kernel; lp.c compiles
# under -Werror and verify finds x64_sys identical.
set -u
KLP_CCP=$1
. "$(dirname "$0")/setup.sh" noconstcaller noconstcaller.c
CFLAGS="-O2 -Wall -Werror"
$CC $CFLAGS -g -c noconstcaller.c -o t.o || exit 1
nm t.o | grep -qE ' (se_sys|get_mask)(\.|$)' && { echo "SKIP: $CC kept se_sys or get_mask out of line"; exit 77; }

for pol in default kernel; do
	hooks=()
	[ $pol = kernel ] && hooks=("${KERNEL_HOOKS[@]}")
	out=lp-$pol.c
	"$KLP_CCP" -o $out --patched-functions=x64_sys --target-object=t.o \
		${hooks[@]+"${hooks[@]}"} -- $CC $CFLAGS -c noconstcaller.c 2>$out.err ||
		{ fail "$out: extraction failed: $(cat $out.err)"; continue; }
	grep -q 'static long se_sys(' $out && grep -q 'static int get_mask(' $out ||
		fail "$out: se_sys or get_mask not copied"
	grep -qE "klp_ccp_callers_of_(se_sys|get_mask)\b" $out && fail "$out: a never-called caller of se_sys or get_mask: $(grep klp_ccp_callers_of $out)"
	$CC $CFLAGS -c $out -o $out.o || { fail "$out: does not compile"; continue; }
	"$KLP_CCP" verify --target-object=t.o --patched-functions=x64_sys $out \
		-- $CC $CFLAGS -c noconstcaller.c >$out.v 2>&1 || fail "$out: $(cat $out.v)"
done
[ $FAILED = 0 ] && echo "PASS" || exit 1
