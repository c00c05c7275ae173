#!/bin/bash
# hdrglobal.sh KLP_CCP: a global function of the unit that only a header's
# inline calls (drop_list_why, through drop_list of hdrglobal.h), which the
# target inlined into the patched trim, is copied as an "extern inline
# __attribute__((__gnu_inline__))" definition under its own name: GCC
# inlines it as in the target (klp-ccp verify: identical) and lp.o defines
# no drop_list_why (a call GCC keeps goes to the running one). Not
# count_list_why, whose body names a static (such a definition may not:
# lp.c compiles under -Werror): the header's count_list is copied under a
# new name instead, calling a static copy of count_list_why, which GCC
# inlines into tally as in the target. With the built-in defaults, which include
# hdrglobal.h, and with all of policies/kernel's hooks (which copy a local
# header's parts instead: verify and -Werror only). With pointer
# externalization, no body and no unused pointer.
set -u
KLP_CCP=$1
. "$(dirname "$0")/setup.sh" hdrglobal hdrglobal.c hdrglobal.h
CFLAGS="-O2 -Wall -Werror"
$CC $CFLAGS -g -c hdrglobal.c -o t.o || exit 1
"$KLP_CCP" facts --target-object=t.o drop_list_why | grep -qx -- '- trim' ||
	{ echo "SKIP: $CC did not inline drop_list_why into trim"; exit 77; }

for pol in default kernel; do
	hooks=()
	[ $pol = default ] || hooks=("${KERNEL_HOOKS[@]}")
	for fn in trim tally; do
		out=lp-$pol-$fn.c
		"$KLP_CCP" -o $out --patched-functions=$fn --target-object=t.o \
			${hooks[@]+"${hooks[@]}"} -- $CC $CFLAGS -c hdrglobal.c 2>$out.err ||
			{ fail "$out: extraction failed: $(cat $out.err)"; continue; }
		$CC $CFLAGS -c $out -o $out.o 2>$out.cc || { fail "$out: $(head -3 $out.cc)"; continue; }
		nm $out.o | grep -q ' [TtWw] \(drop\|count\)_list_why$' &&
			fail "$out: lp.o defines a function the target has (not an extern inline body)"
	done
	out=lp-$pol-trim.c
	[ $pol = kernel ] ||
		grep -q '^extern inline __attribute__((__gnu_inline__)) void drop_list_why(' $out ||
		fail "$out: no extern inline body of drop_list_why"
	"$KLP_CCP" verify --target-object=t.o --patched-functions=trim $out \
		-- $CC $CFLAGS -c hdrglobal.c >$out.v 2>&1 || fail "$out: $(cat $out.v)"
	out=lp-$pol-tally.c
	grep -q 'inline.* count_list_why(' $out &&
		fail "$out: count_list_why (names a static) has an inline body"
	grep -q '^static inline void [a-z_]*count_list(' $out && grep -q '_count_list_why(n, 1)' $out ||
		fail "$out: no copy of count_list calling a copy of count_list_why"
	"$KLP_CCP" verify --target-object=t.o --patched-functions=tally $out \
		-- $CC $CFLAGS -c hdrglobal.c >$out.v 2>&1 || fail "$out: $(cat $out.v)"
done
# With externalized functions made pointers, drop_list_why's body (which
# would call klpe_drop_one) is not given, and drop_one, which only it named,
# is not externalized: lp.c would define klpe_drop_one unused (-Werror).
pointer_case hdrglobal.c trim drop_list_why drop_one
[ $FAILED = 0 ] && echo "PASS" || exit 1
