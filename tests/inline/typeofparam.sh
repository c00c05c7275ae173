#!/bin/bash
# typeofparam.sh KLP_CCP: the never-called caller standing for ia32_sys
# (typeofparam.c) declares se_sys's parameters by the type their typeof
# stands for, long, not by the typeof expression with its macros expanded
# (the kernel's __se_sys_NAME: a line of hundreds of characters a reviewer
# reads twice per parameter). With the built-in defaults and policies/kernel;
# lp.c compiles under -Werror and x64_sys stays identical.
set -u
KLP_CCP=$1
. "$(dirname "$0")/setup.sh" typeofparam typeofparam.c
CFLAGS="-O2 -Wall -Werror"
$CC $CFLAGS -g -c typeofparam.c -o t.o || exit 1
nm t.o | grep -qE ' se_sys(\.|$)' && { echo "SKIP: $CC kept se_sys out of line"; exit 77; }

for pol in default kernel; do
	hooks=()
	[ $pol = kernel ] && hooks=("${KERNEL_HOOKS[@]}")
	out=lp-$pol.c
	"$KLP_CCP" -o $out --patched-functions=x64_sys --target-object=t.o \
		${hooks[@]+"${hooks[@]}"} -- $CC $CFLAGS -c typeofparam.c 2>$out.err ||
		{ fail "$out: extraction failed: $(cat $out.err)"; continue; }
	grep -q 'klp_ccp_callers_of_se_sys(long klp_ccp_a0, long klp_ccp_a1)$' $out ||
		fail "$out: the never-called caller's parameters are not spelled long: $(grep klp_ccp_callers_of $out)"
	grep -q 'klp_ccp_callers_of.*choose_expr' $out && fail "$out: a typeof expression in the caller"
	$CC $CFLAGS -c $out -o $out.o || { fail "$out: does not compile"; continue; }
	"$KLP_CCP" verify --target-object=t.o --patched-functions=x64_sys $out \
		-- $CC $CFLAGS -c typeofparam.c >$out.v 2>&1 || fail "$out: $(cat $out.v)"
done
[ $FAILED = 0 ] && echo "PASS" || exit 1
