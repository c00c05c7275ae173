#!/bin/bash
# splitself.sh KLP_CCP: GCC split the static copy_items (splitself.c: two
# functions call it three times), inlined its head into none of them and
# took the part back into the head: the target has copy_items whole, only
# the clone dump shows the split. A livepatch of copy_items itself ends
# with a never-called function calling klpp_copy_items once: lp.c's copy,
# which nothing calls, is then split and taken back as in the target
# (security/device_cgroup.c's dev_exceptions_copy differed in register
# order without it). Without the dump no caller. With the built-in
# defaults and policies/kernel; lp.c compiles under -Werror and is
# code-identical.
set -u
KLP_CCP=$1
. "$(dirname "$0")/setup.sh" splitself splitself.c
CFLAGS="-O2 -Wall -Wmissing-prototypes -Werror"
$CC -O2 -g -fdump-ipa-clones -c splitself.c -o splitself.o || exit 1
d=splitself.c.000i.ipa-clones
grep -q ';copy_items\.part\.0;.*;part$' $d && grep -q '^Callgraph removal;copy_items\.part\.0;' $d &&
	nm splitself.o | grep -q ' t copy_items$' ||
	{ echo "SKIP: $CC did not split copy_items and take the part back"; exit 77; }

for pol in default kernel; do
	hooks=()
	[ $pol = kernel ] && hooks=("${KERNEL_HOOKS[@]}")
	out=lp-$pol.c
	"$KLP_CCP" -o $out --patched-functions=copy_items --target-object=splitself.o --ipa-clones=$d \
		${hooks[@]+"${hooks[@]}"} -- $CC $CFLAGS -c splitself.c 2>$out.err ||
		{ fail "$out: extraction failed: $(cat $out.err)"; continue; }
	[ "$(sed -n '/klp_ccp_callers_of_klpp_copy_items(/,/^}/p' $out | grep -c '= klpp_copy_items(')" = 1 ] ||
		fail "$out: no never-called caller calling klpp_copy_items once"
	$CC $CFLAGS -c $out -o $out.o 2>$out.cc || { fail "$out: does not compile: $(cat $out.cc)"; continue; }
	"$KLP_CCP" verify --target-object=splitself.o --patched-functions=copy_items $out \
		-- $CC $CFLAGS -c splitself.c >$out.v 2>&1 || fail "$out: $(cat $out.v)"
done
"$KLP_CCP" -o lp-nodump.c --patched-functions=copy_items --target-object=splitself.o \
	-- $CC $CFLAGS -c splitself.c 2>lp-nodump.err || fail "lp-nodump.c: $(cat lp-nodump.err)"
grep -q klp_ccp_callers_of lp-nodump.c && fail "lp-nodump.c: a caller without the dump"
[ $FAILED = 0 ] && echo "PASS" || exit 1
