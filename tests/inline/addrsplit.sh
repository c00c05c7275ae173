#!/bin/bash
# addrsplit.sh KLP_CCP: a static function whose address copied code takes
# (addrsplit.c: walk passes &is_big to scan) and which the target inlined
# at walk's direct call, but whose body names a static inline (kind), so
# that no extern inline gnu_inline body can be given (addrbody.sh): the
# address sites name the running is_big (extern, lp.o refers to it, the
# report lists it externalized), the call a renamed static copy GCC
# inlines again: klpp_walk calls no is_big, and klp-ccp verify finds it
# identical. policies/kernel (the built-in defaults include the header);
# lp.c compiles under -Werror. -fno-PIE as the kernel.
set -u
KLP_CCP=$1
. "$(dirname "$0")/setup.sh" addrsplit addrsplit.c addrsplit.h
CFLAGS="-O2 -Wall -Werror -fno-PIE"
$CC $CFLAGS -g -c addrsplit.c -o t.o || exit 1
{ nm t.o | grep -q ' t is_big$' &&
	! objdump -dr t.o | sed -n '/<walk>:/,/^$/p' | grep -q 'R_X86_64_PLT32[[:space:]]*is_big'; } ||
	{ echo "SKIP: $CC did not inline is_big into walk and keep it for its address"; exit 77; }

out=lp.c
"$KLP_CCP" -o $out --report=$out.yaml --patched-functions=walk --target-object=t.o \
	"${KERNEL_HOOKS[@]}" -- $CC $CFLAGS -c addrsplit.c 2>$out.err ||
	{ fail "extraction failed: $(cat $out.err)"; exit 1; }
$CC $CFLAGS -c $out -o $out.o 2>$out.cc || { fail "$out: $(head -3 $out.cc)"; exit 1; }
grep -q '^extern int is_big(' $out || fail "$out: the running is_big not declared"
grep -q '&is_big' $out || fail "$out: the address is not the running is_big's"
grep -q '^static .*inline int klpr_is_big(' $out || fail "$out: no renamed copy of is_big"
sed -n '/^int klpp_walk/,/^}/p' $out | grep -q 'klpr_is_big(&v\[0\])' ||
	fail "$out: walk's call does not name the copy"
nm -u $out.o | grep -qx ' *U is_big' || fail "$out: lp.o does not refer to the running is_big"
nm $out.o | grep -q ' [TtWw] is_big$' && fail "$out: lp.o defines is_big"
objdump -dr $out.o | sed -n '/<klpp_walk>:/,/^$/p' | grep -q 'R_X86_64_PLT32[[:space:]]*\(klpr_\)\?is_big' &&
	fail "$out: klpp_walk calls is_big"
sed -n '/^externalized_symbols:/,/^copied:/p' $out.yaml | grep -q '^- name: is_big$' ||
	fail "$out: is_big not reported externalized"
"$KLP_CCP" verify --target-object=t.o --patched-functions=walk $out \
	-- $CC $CFLAGS -c addrsplit.c >$out.v 2>&1 || fail "$out: $(cat $out.v)"
[ $FAILED = 0 ] && echo "PASS" || exit 1
