#!/bin/bash
# icf.sh KLP_CCP: a function GCC's identical code folding made a twin of
# another (icf.c: compat_sys_io has sys_io's code, and no DWARF of its own)
# has what the DWARF says is inlined into the other inlined into it too:
# `klp-ccp facts` lists it among do_io's inlined_into, and lp.c of
# compat_sys_io does not keep do_io out of line (noinline), where GCC would
# call it instead of inlining it as the target did; klp-ccp verify finds
# compat_sys_io identical. Patched together with sys_io, both are identical:
# the copy of do_io keeps its body as in the target (out_of_line.c).
# With the built-in defaults and policies/kernel.
set -u
KLP_CCP=$1
. "$(dirname "$0")/setup.sh" icf icf.c
CFLAGS="-O2 -g"
$CC $CFLAGS -fdump-ipa-clones -c icf.c -o t.o || exit 1
size() { nm -S t.o | awk -v s="$1" '$4 == s { print $2 }'; }
{ nm t.o | grep -q ' t do_io$' && [ "$(size sys_io)" = "$(size compat_sys_io)" ] &&
	grep -q '^Callgraph clone;sys_io;.*;compat_sys_io;.*;inlining to$' *.ipa-clones; } ||
	{ echo "SKIP: $CC did not fold compat_sys_io into sys_io and back"; exit 77; }

"$KLP_CCP" facts --target-object=t.o do_io >facts.yaml 2>&1 || fail "facts: $(cat facts.yaml)"
sed -n '/^inlined_into:/,/^[a-z]/p' facts.yaml | grep -qx -- '- compat_sys_io' ||
	fail "facts: compat_sys_io not among do_io's inlined_into: $(cat facts.yaml)"
for pol in default kernel; do
	hooks=()
	[ $pol = kernel ] && hooks=("${KERNEL_HOOKS[@]}")
	out=lp-$pol.c
	"$KLP_CCP" -o $out --patched-functions=compat_sys_io --target-object=t.o \
		${hooks[@]+"${hooks[@]}"} -- $CC $CFLAGS -c icf.c 2>$out.err ||
		{ fail "$out: extraction failed: $(cat $out.err)"; continue; }
	grep -q 'do_io(.*__noinline__' $out && fail "$out: do_io kept out of line"
	"$KLP_CCP" verify --target-object=t.o --patched-functions=compat_sys_io $out \
		-- $CC $CFLAGS -c icf.c >$out.v 2>&1 || fail "$out: $(cat $out.v)"
	# both twins: the copy of do_io, inlined into both, keeps its body
	# (used), so GCC weighs inlining it as growth, as in the target, and
	# inlines sys_io into the twin ICF made of compat_sys_io, not do_io
	# into sys_io first (compat_sys_io would stay a call of sys_io)
	out=lp2-$pol.c
	"$KLP_CCP" -o $out --patched-functions=sys_io,compat_sys_io --target-object=t.o \
		${hooks[@]+"${hooks[@]}"} -- $CC $CFLAGS -c icf.c 2>$out.err ||
		{ fail "$out: extraction failed: $(cat $out.err)"; continue; }
	grep -q '__used__.*do_io(' $out || fail "$out: the copy of do_io is not used"
	"$KLP_CCP" verify --target-object=t.o --patched-functions=sys_io,compat_sys_io $out \
		-- $CC $CFLAGS -c icf.c >$out.v 2>&1 || fail "$out: $(cat $out.v)"
done
[ $FAILED = 0 ] && echo "PASS" || exit 1
