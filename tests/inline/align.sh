#!/bin/bash
# align.sh KLP_CCP: an object the unit defines that lp.c externalizes (the
# file-scope table, reset's static scratch) is declared with the alignment
# its address has in the target (at most the largest power of two within
# its size), as GCC gave its definition more than its type's: lp.c's memset
# of it then compiles as the original's (klp-ccp verify: identical). One
# whose type's alignment is all (counter) gets no attribute. With the
# built-in defaults and policies/kernel.
set -u
KLP_CCP=$1
. "$(dirname "$0")/setup.sh" align align.c
CFLAGS="-O2 -g"
$CC $CFLAGS -c align.c -o t.o || exit 1
# the alignment of a local symbol's address: lowest bit of its value, at most its section's
align_of() {
	local v sec al
	read -r v sec < <(readelf -sW t.o | awk -v s="$1" '$8 ~ "^"s"(\\.[0-9]+)?$" && $4 == "OBJECT" { print $2, $7; exit }')
	al=$(readelf -SW t.o | awk -v n="$sec" '$1 == "["n"]" || $1 == "[" && $2 == n"]" { print $NF; exit }')
	python3 -c "v=int('$v',16); a=int('$al'); low=v & -v; print(min(low, a) if low else a)"
}
want=$(align_of table)
[ "$want" -ge 32 ] || { echo "SKIP: $CC aligned table to $want bytes only"; exit 77; }
for pol in default kernel; do
	hooks=()
	[ $pol = kernel ] && hooks=("${KERNEL_HOOKS[@]}")
	out=lp-$pol.c
	"$KLP_CCP" -o $out --patched-functions=reset --target-object=t.o \
		${hooks[@]+"${hooks[@]}"} -- $CC $CFLAGS -c align.c 2>$out.err ||
		{ fail "$out: extraction failed: $(cat $out.err)"; continue; }
	for v in table scratch; do
		w=$(align_of $v)
		[ "$w" -gt 256 ] && w=256	# at most the size
		grep -E "^\s*(extern|static).*\b$v(_[0-9]+)?\[64\].*__attribute__\(\(__aligned__\($w\)\)\);" $out >/dev/null ||
			fail "$out: $v not declared __aligned__($w): $(grep -n "$v" $out | head -3)"
	done
	grep -E 'counter.*__aligned__' $out && fail "$out: counter declared aligned"
	"$KLP_CCP" verify --target-object=t.o --patched-functions=reset $out \
		-- $CC $CFLAGS -c align.c >$out.v 2>&1 || fail "$out: $(cat $out.v)"
done
[ $FAILED = 0 ] && echo "PASS" || exit 1
