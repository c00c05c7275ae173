#!/bin/bash
# split.sh KLP_CCP OBJCMP_TOOL: a callee GCC split in the target (partial
# inlining: lookup_user inlines the heads of lookup and slookup and calls
# lookup.part.0 and slookup.part.0) is copied with external linkage under
# its klpr_ name, so that GCC splits the copy again and klpp_lookup_user's
# code is the original's. A local copy with a single caller would be
# inlined whole; an externalized one would be called whole. With the
# built-in defaults, policies/kernel's shall-externalize-fun and all of
# policies/kernel's hooks.
set -u
KLP_CCP=$1 OBJCMP=$2
. "$(dirname "$0")/setup.sh" split split.c
CFLAGS="-O2 -Wall -Wmissing-prototypes -Werror"
$CC -O2 -g -c split.c -o split.o || exit 1
$CC -O2 -ffunction-sections -c split.c -o split.fs.o || exit 1
nm split.o | grep -q ' lookup\.part\.0$' && nm split.o | grep -q ' slookup\.part\.0$' ||
	{ echo "SKIP: $CC did not split lookup and slookup"; exit 77; }

for pol in default kernel-S kernel; do
	case $pol in
	default) hooks=() ;;
	kernel-S) hooks=(-S "$K/shall-externalize-fun") ;;
	kernel) hooks=(-H "$K/may-include-header" -F "$K/can-externalize-fun"
		-S "$K/shall-externalize-fun" -O "$K/shall-externalize-obj"
		-E "$K/modify-externalized-sym" -P "$K/modify-patched-fun-sym"
		-R "$K/rename-rewritten-fun") ;;
	esac
	out=lp-$pol.c
	"$KLP_CCP" -o $out --patched-functions=lookup_user --target-object=split.o \
		${hooks[@]+"${hooks[@]}"} -- $CC $CFLAGS -c split.c 2>$out.err ||
		{ fail "$out: extraction failed: $(cat $out.err)"; continue; }
	$CC $CFLAGS -ffunction-sections -c $out -o $out.o 2>$out.cc ||
		{ fail "$out does not compile: $(cat $out.cc)"; continue; }
	for f in lookup slookup; do
		nm $out.o | grep -q " T klpr_$f\$" || fail "$out.o: klpr_$f not defined globally"
		nm $out.o | grep -q " t klpr_$f\.part\.[0-9]*\$" || fail "$out.o: klpr_$f not split"
		nm -u $out.o | grep -qw "$f" && fail "$out.o: refers to the running $f"
	done
	"$OBJCMP" split.fs.o $out.o lookup_user >$out.cmp 2>&1
	grep -qx 'lookup_user: identical' $out.cmp || fail "$out: $(cat $out.cmp)"
done
[ $FAILED = 0 ] && echo "PASS" || exit 1
