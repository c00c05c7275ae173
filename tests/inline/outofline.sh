#!/bin/bash
# outofline.sh KLP_CCP: a copied callee the target keeps out of line
# (fill.constprop.0: three callers) is copied with the noinline attribute,
# so that GCC calls it from klpp_notify, as the target's notify does,
# instead of inlining it into its single caller in lp.c. A copy the target
# inlined into a livepatch function (clamp8 into notify) is not marked, nor
# are patched functions. Also with three patched functions (refresh2, dump,
# refresh: fill has two callers in lp.c).
# A copy declared inline (gnu_inline, as the kernel's inline) gets the
# attribute on a prototype before its first declaration and compiles under
# -Werror (outofline-inline.c). A copy the target has under its own name and
# no clone of is noclone too (outofline-clone.c: lp.c's one call passes a
# constant, GCC would call tally.constprop.0). An included header's inline the target has
# out of line (hfmt of outofline-hdr.h) is declared noinline before the
# #include, and noclone, for the target has no clone of it (head3 passes
# constants: GCC would clone it); also when lp.c calls it only through
# another header inline (head4 -> hcall -> hfmt) (with the built-in defaults, which include the header; not one
# whose type needs a typedef: hweight, compiled under -Werror; the
# kernel policy copies a local header's parts). With the built-in defaults
# and with all of policies/kernel's hooks; klp-ccp verify compares with the
# target. A function the patched one calls that the target inlined only into
# a copied function is noinline too (outofline-mixed.c: scan). A noclone
# copy gets a never-called caller passing unknown arguments, so GCC does not
# propagate the constants of lp.c's calls into it (outofline-opaque.c), also
# when the target has an .isra clone of it (outofline-isra.c); it uses the
# result of a __must_check one (outofline-mustcheck.c, -Werror=unused-result).
set -u
KLP_CCP=$1
. "$(dirname "$0")/setup.sh" outofline outofline.c outofline-inline.c outofline-hdr.c \
	outofline-hdr.h outofline-clone.c outofline-mixed.c outofline-opaque.c \
	outofline-isra.c outofline-mustcheck.c
CFLAGS="-O2 -Wall -Wmissing-prototypes"
$CC -O2 -g -c outofline.c -o t.o || exit 1
$CC -O2 -g -c outofline-inline.c -o gi.o && $CC -O2 -g -c outofline-hdr.c -o h.o &&
	$CC -O2 -g -c outofline-clone.c -o c.o && $CC -O2 -g -c outofline-mixed.c -o mx.o &&
	$CC -O2 -g -c outofline-opaque.c -o op.o && $CC -O2 -g -c outofline-isra.c -o is.o &&
	$CC -O2 -g -c outofline-mustcheck.c -o mc.o || exit 1
nm t.o | grep -q ' fill\.constprop\.0$' && ! nm t.o | grep -q ' fill$' &&
	nm gi.o | grep -q ' fmt\.constprop\.0$' && nm h.o | grep -q ' t hfmt$' &&
	nm mx.o | grep -q ' t scan$' && nm mx.o | grep -q ' t prep$' &&
	objdump -dr op.o | grep -A14 '<carve>:' | grep -q 'R_X86_64_PLT32	shift-' &&
	nm is.o | grep -q ' t pick\.isra\.0$' ||
	{ echo "SKIP: $CC did not make fill.constprop.0 and fmt.constprop.0 alone"; exit 77; }

# lp OUT SRC TARGET FUNCS [CFLAG...]: extract FUNCS of SRC into OUT, verify it.
lp() {
	local out=$1 src=$2 target=$3 fns=$4
	shift 4
	"$KLP_CCP" -o $out --patched-functions=$fns --target-object=$target \
		${hooks[@]+"${hooks[@]}"} -- $CC $CFLAGS "$@" -c $src 2>$out.err ||
		{ fail "$out: extraction failed: $(cat $out.err)"; return 1; }
	"$KLP_CCP" verify --target-object=$target --patched-functions=$fns $out \
		-- $CC $CFLAGS "$@" -c $src >$out.v 2>&1 || fail "$out: $(cat $out.v)"
}

for pol in default kernel; do
	case $pol in
	default) hooks=() ;;
	kernel) hooks=(-H "$K/may-include-header" -F "$K/can-externalize-fun"
		-S "$K/shall-externalize-fun" -O "$K/shall-externalize-obj"
		-E "$K/modify-externalized-sym" -P "$K/modify-patched-fun-sym"
		-R "$K/rename-rewritten-fun") ;;
	esac
	for fns in notify refresh2,dump,refresh; do
		lp lp-$pol-${fns%%,*}.c outofline.c t.o $fns
	done
	out=lp-$pol-notify.c
	grep -q 'static int fill(.*__noinline__' $out || fail "$out: fill not noinline"
	grep -q 'klpp_notify(.*__noinline__' $out && fail "$out: klpp_notify (patched) noinline"
	grep -q 'clamp8(.*__noinline__' $out && fail "$out: clamp8 (inlined in the target) noinline"
	out=lp-$pol-clone.c
	lp $out outofline-clone.c c.o probe
	grep -q 'static int tally(.*__noinline__, __noclone__' $out || fail "$out: tally not noclone"
	grep -q 'static int fill(.*__noclone__' lp-$pol-notify.c &&
		fail "lp-$pol-notify.c: fill (fill.constprop.0 in the target) noclone"
	out=lp-$pol-mixed.c
	lp $out outofline-mixed.c mx.o tune
	grep -q 'static unsigned long scan(.*__noinline__, __noclone__' $out ||
		fail "$out: scan (called by tune, inlined into the copied prep only) not noinline"
	out=lp-$pol-opaque.c
	lp $out outofline-opaque.c op.o carve
	grep -q 'klp_ccp_callers_of_klpr_shift(struct hdr \*klp_ccp_a0, int klp_ccp_a1)' $out ||
		fail "$out: no never-called caller of klpr_shift"
	lp lp-$pol-isra.c outofline-isra.c is.o check
	out=lp-$pol-mustcheck.c
	lp $out outofline-mustcheck.c mc.o cut -Werror=unused-result
	grep -q 'klp_ccp_callers_of_klpr_adjust' $out || fail "$out: no never-called caller of klpr_adjust"
	out=lp-$pol-gi.c
	lp $out outofline-inline.c gi.o head -Werror || continue
	grep -n 'fmt(' $out | head -1 | grep -q 'static int fmt(.*__noinline__' ||
		fail "$out: the first declaration of fmt is not the noinline prototype"
	out=lp-$pol-hdr.c
	lp $out outofline-hdr.c h.o head -Werror || continue
	[ $pol = kernel ] || grep -B3 '#include "outofline-hdr.h"' $out |
		grep -q 'static int hfmt(struct msg \*, int, int) __attribute__((__noinline__, __noclone__));' ||
		fail "$out: no noinline, noclone prototype of hfmt before the #include"
	lp lp-$pol-hdr3.c outofline-hdr.c h.o head3 -Werror
	lp lp-$pol-hdr4.c outofline-hdr.c h.o head4 -Werror
	out=lp-$pol-hdr2.c
	"$KLP_CCP" -o $out --patched-functions=head2 --target-object=h.o \
		${hooks[@]+"${hooks[@]}"} -- $CC $CFLAGS -Werror -c outofline-hdr.c 2>$out.err &&
		$CC $CFLAGS -Werror -c $out -o $out.o 2>$out.cc ||
		fail "$out: extraction or compile failed: $(cat $out.err $out.cc | head -3)"
done
[ $FAILED = 0 ] && echo "PASS" || exit 1
