#!/bin/bash
# addrbody.sh KLP_CCP: a static function whose address copied code takes
# (addrbody.c: send_plain, compared and called by send_all's CALL_2, the
# kernel's INDIRECT_CALL_2) is externalized, and, as the target inlined the
# direct call into the patched send_all, lp.c also gives it its body as an
# "extern inline __attribute__((__gnu_inline__))" definition under its own
# name: GCC inlines the call again (klp-ccp verify: identical), while the
# address compared and any call kept are the running one's (lp.o defines no
# send_plain, refers to it, and the report lists it externalized). Not
# send_fancy, whose body names a static: only declared. With the built-in
# defaults and with policies/kernel; lp.c compiles under -Werror. -fno-PIE
# as the kernel: a PIE build loads an extern's address from the GOT.
set -u
KLP_CCP=$1
. "$(dirname "$0")/setup.sh" addrbody addrbody.c
CFLAGS="-O2 -Wall -Werror -fno-PIE"
$CC $CFLAGS -g -c addrbody.c -o t.o || exit 1
"$KLP_CCP" facts --target-object=t.o send_plain | grep -qx -- '- send_all' ||
	{ echo "SKIP: $CC did not inline send_plain into send_all"; exit 77; }

for pol in default kernel; do
	hooks=()
	[ $pol = kernel ] && hooks=("${KERNEL_HOOKS[@]}")
	for fn in send_all send_twice; do
		out=lp-$pol-$fn.c
		"$KLP_CCP" -o $out --report=$out.yaml --patched-functions=$fn --target-object=t.o \
			${hooks[@]+"${hooks[@]}"} -- $CC $CFLAGS -c addrbody.c 2>$out.err ||
			{ fail "$out: extraction failed: $(cat $out.err)"; continue; }
		$CC $CFLAGS -c $out -o $out.o 2>$out.cc || { fail "$out: $(head -3 $out.cc)"; continue; }
		nm $out.o | grep -q ' [TtWw] send_\(plain\|fancy\)$' &&
			fail "$out: lp.o defines a function the target has"
	done
	out=lp-$pol-send_all.c
	grep -q '^extern inline __attribute__((__gnu_inline__)) int send_plain(' $out ||
		fail "$out: no extern inline body of send_plain"
	nm -u $out.o | grep -qx ' *U send_plain' || fail "$out: lp.o does not refer to the running send_plain"
	sed -n '/^externalized_symbols:/,/^copied:/p' $out.yaml | grep -q '^- name: send_plain$' ||
		fail "$out: send_plain not reported externalized"
	"$KLP_CCP" verify --target-object=t.o --patched-functions=send_all $out \
		-- $CC $CFLAGS -c addrbody.c >$out.v 2>&1 || fail "$out: $(cat $out.v)"
	out=lp-$pol-send_twice.c
	grep -q 'inline.* send_fancy(' $out && fail "$out: send_fancy (names a static) has an inline body"
	grep -q '^extern int send_fancy(' $out || fail "$out: send_fancy not declared extern"
done
# Externalized as pointers (klpe_send_plain), the body is not given (it
# would call the running one by a name lp.c does not declare), and what only
# it named (transmit) is not externalized: lp.c would define klpe_transmit
# unused, an error under -Werror.
pointer_case addrbody.c send_all send_plain transmit
[ $FAILED = 0 ] && echo "PASS" || exit 1
