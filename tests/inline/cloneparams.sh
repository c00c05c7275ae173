#!/bin/bash
# cloneparams.sh KLP_CCP: the target has the static fill only as
# fill.constprop.N (IPA-CP dropped src, NULL in every call, and kept dst,
# iif and type). lp.c's copy, called by the patched notify alone (NULL, 0
# for dst and iif too), gets a never-called caller passing unknown values
# for the parameters the clone kept (its DWARF says which) and NULL for
# src, as notify does: GCC specializes the copy as the target's clone
# (klp-ccp verify: identical). Not for notify_default, whose call a macro
# writes (FILL_DEFAULT): its arguments cannot be spelled as the call has
# them. With the built-in defaults and with policies/kernel; lp.c compiles
# under -Werror.
set -u
KLP_CCP=$1
. "$(dirname "$0")/setup.sh" cloneparams cloneparams.c
CFLAGS="-O2 -Wall -Werror -fno-PIE"
$CC $CFLAGS -g -c cloneparams.c -o t.o || exit 1
nm t.o | grep -q ' t fill\.constprop\.[0-9]*$' && ! nm t.o | grep -q ' t fill$' ||
	{ echo "SKIP: $CC did not make fill.constprop.N alone"; exit 77; }

for pol in default kernel; do
	hooks=()
	[ $pol = kernel ] && hooks=("${KERNEL_HOOKS[@]}")
	out=lp-$pol.c
	"$KLP_CCP" -o $out --patched-functions=notify --target-object=t.o \
		${hooks[@]+"${hooks[@]}"} -- $CC $CFLAGS -c cloneparams.c 2>$out.err ||
		{ fail "$out: extraction failed: $(cat $out.err)"; continue; }
	$CC $CFLAGS -c $out -o $out.o 2>$out.cc || { fail "$out: $(head -3 $out.cc)"; continue; }
	grep -q '^static void __attribute__((__used__)) klp_ccp_callers_of_fill(' $out ||
		fail "$out: no never-called caller of fill"
	grep -q ' = fill(klp_ccp_a0, klp_ccp_a1, NULL, klp_ccp_a3, klp_ccp_a4);' $out ||
		fail "$out: the caller does not pass unknown values but for src (NULL)"
	"$KLP_CCP" verify --target-object=t.o --patched-functions=notify $out \
		-- $CC $CFLAGS -c cloneparams.c >$out.v 2>&1 || fail "$out: $(cat $out.v)"
	out=lp-$pol-macro.c
	"$KLP_CCP" -o $out --patched-functions=notify_default --target-object=t.o \
		${hooks[@]+"${hooks[@]}"} -- $CC $CFLAGS -c cloneparams.c 2>$out.err ||
		{ fail "$out: extraction failed: $(cat $out.err)"; continue; }
	$CC $CFLAGS -c $out -o $out.o 2>$out.cc || fail "$out: $(head -3 $out.cc)"
	grep -q 'klp_ccp_callers_of_fill(' $out && fail "$out: a caller of fill spelled from a macro's call"
done
[ $FAILED = 0 ] && echo "PASS" || exit 1
