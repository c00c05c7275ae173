#!/bin/bash
# Functions the target object shows inlined into a patched function (t.c: g,
# s) or into a function the livepatch copies (clone.c: v inside
# h.constprop.0) are copied, so that GCC can inline them into the livepatch
# as it did in the original; one not inlined (n) is externalized. Checked
# with the built-in defaults and with policies/kernel, on lp.c's text and on
# what lp.o defines and references. The hooks get KLP_CCP_PATCHED_FUNCTIONS
# and KLP_CCP_COPIED_FUNCTIONS. Read-only function-scope statics (objs.c) are
# copied, writable ones externalized; shall-externalize-obj gets
# KLP_CCP_OBJ_SCOPE and KLP_CCP_OBJ_READONLY. Declarations of externalized
# functions keep noreturn/cold/pure (attrs.c).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
KLP_CCP=${KLP_CCP:-$REPO/build/klp-ccp}
K=$REPO/policies/kernel
CC=${CC:-gcc}
command -v "$CC" >/dev/null || { echo "SKIP: no $CC"; exit 77; }
FAILED=0
fail() { echo "FAIL: $*"; FAILED=$((FAILED + 1)); }

WORK=$(mktemp -d /tmp/klp-ccp-inline-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
cp "$HERE/t.c" "$HERE/api.h" "$HERE/clone.c" "$HERE/objs.c" "$HERE/attrs.c" "$HERE/init.c" "$HERE/statics.c" .
CFLAGS="-O2 -Wall -Werror=implicit-function-declaration"
$CC $CFLAGS -g -c t.c -o t.o && $CC $CFLAGS -g -c clone.c -o clone.o || exit 1

# The objects really are what the sources say.
nm t.o | grep -qw 'T g' && nm t.o | grep -qw 't s' || fail "t.o: g or s not out of line"
nm clone.o | grep -qw 'h.constprop.0' || { echo "SKIP: $CC made no h.constprop.0"; exit 77; }

extract() {	# OUT SRC HOOK...
	local out=$1 src=$2
	shift 2
	"$KLP_CCP" -o "$out" --patched-functions=f --target-object="${src%.c}.o" "$@" \
		-- $CC $CFLAGS -c "$src" 2>"$out.err" || { fail "$out: extraction failed"; cat "$out.err"; return 1; }
	$CC $CFLAGS -c "$out" -o "$out.o" 2>"$out.cc" || { fail "$out does not compile"; cat "$out.cc"; return 1; }
}
copied() {	# FILE FUNC: a static definition in FILE, no reference to FUNC in FILE.o
	grep -qE "^static .*\bklpr_$2\(|^static .*\b$2\(" "$1" || fail "$1: $2 not copied"
	nm -u "$1.o" | grep -qw "$2" && fail "$1.o: still refers to $2"
}
externalized() {
	nm -u "$1.o" | grep -qw "$2" || fail "$1.o: $2 not externalized"
	grep -qE "^(static )?int (klpr_)?$2\(int x\)$" "$1" && fail "$1: $2 copied"
}

for pol in default kernel; do
	hooks=()
	[ $pol = kernel ] && hooks=(-F "$K/can-externalize-fun" -S "$K/shall-externalize-fun")
	if extract "t-$pol.c" t.c "${hooks[@]}"; then
		copied "t-$pol.c" g
		copied "t-$pol.c" s
		externalized "t-$pol.c" n
		# inlined again: klpp_f calls neither copy; the static one leaves no
		# symbol behind (the global one's body stays, as the original's did)
		nm "t-$pol.c.o" | grep -qE ' s$' && fail "t-$pol.c.o: s not inlined"
		objdump -dr "t-$pol.c.o" | sed -n '/<klpp_f>:/,/^$/p' | grep -qE 'R_X86_64_PLT32[[:space:]]+(klpr_g|s)[-+]' &&
			fail "t-$pol.c.o: copies not inlined"
		# g is called before its definition: a prototype of the new name first
		grep -n 'klpr_g' "t-$pol.c" | head -1 | grep -q 'static int klpr_g(int x);' ||
			fail "t-$pol.c: no prototype of klpr_g before its first use"
	fi
	if extract "c-$pol.c" clone.c "${hooks[@]}"; then
		copied "c-$pol.c" h
		copied "c-$pol.c" v
	fi
done

# Without facts, nothing says they were inlined: externalized.
"$KLP_CCP" -o plain.c --patched-functions=f -- $CC $CFLAGS -c t.c 2>/dev/null &&
	$CC $CFLAGS -c plain.c -o plain.c.o || fail "plain.c: extraction or compile failed"
externalized plain.c g

# Objects: constant tables of a function are copied, state is not; the
# answer for a file-scope 'x' is not reused for g's read-only local 'x'.
for pol in default kernel; do
	hooks=()
	[ $pol = kernel ] && hooks=(-O "$K/shall-externalize-obj")
	for fns in f f,g g,f; do
		out=o-$pol-$fns.c
		"$KLP_CCP" -o $out --patched-functions=$fns "${hooks[@]}" -- $CC $CFLAGS -c objs.c \
			2>$out.err && $CC $CFLAGS -c $out -o $out.o ||
			{ fail "$out: extraction or compile failed"; cat $out.err; continue; }
		nm $out.o | grep -qE ' [rd] x2\.[0-9]+$' || fail "$out.o: x2 not copied"
		nm -u $out.o | grep -qw calls || fail "$out.o: calls not externalized"
		nm -u $out.o | grep -qw x || fail "$out.o: file-scope x not externalized"
		[ $fns != f ] && ! nm $out.o | grep -qE ' [rd] x\.[0-9]+$' && fail "$out.o: g's x not copied"
	done
done

# Externalized callees keep what GCC knew of them: noreturn (written, or a
# body that ends in a trap), cold (written, or .text.unlikely in the target),
# pure.
$CC $CFLAGS -g '-DREPORT_ATTR=__attribute__((cold))' -c attrs.c -o attrs.o || exit 1
readelf -sW attrs.o | grep -qE 'FUNC +LOCAL .* oops$' || { echo "SKIP: $CC cloned oops"; exit 77; }
extract a.c attrs.c
for d in 'void oops\(const char \*\);' 'void report\(const char \*\);' \
	'int slow\(int\);' 'int peek\(const int \*\);'; do
	grep -qE "^extern __attribute__\(\(.*\)\) $d" a.c || fail "a.c: no attributes on $d"
done
grep -q '__noreturn__.* void oops' a.c || fail "a.c: oops not noreturn"
grep -q '__cold__.* void report' a.c || fail "a.c: report not cold (target facts)"
grep -q '__cold__.* int slow' a.c || fail "a.c: slow not cold"
grep -q '__pure__.* int peek' a.c || fail "a.c: peek not pure"
# as in the original, the call of oops goes to f's cold part
nm a.c.o | grep -q 'klpp_f.cold' || fail "a.c.o: no klpp_f.cold"

# Writable statics of functions are externalized as the symbols the target
# has for them (cnt.N, from DWARF), each under a C name of its own.
$CC $CFLAGS -g -c statics.c -o statics.o || exit 1
"$KLP_CCP" -o st.c --report=st.yaml --patched-functions=f,g --target-object=statics.o -- $CC $CFLAGS -c statics.c \
	2>st.err && $CC $CFLAGS -c st.c -o st.c.o || fail "st.c: extraction or compile failed: $(cat st.err)"
want=$(nm statics.o | awk '$3 ~ /^(cnt|seen)\.[0-9]+$/ {print $3}' | sort | tr '\n' ' ')
got=$(nm -u st.c.o | awk '{print $2}' | sort | tr '\n' ' ')
[ "$want" = "$got" ] || fail "st.c.o refers to '$got', the target has '$want'"
[ "$(grep -c '__asm__("cnt\.' st.c)" = 2 ] || fail "st.c: not two asm-labelled cnt declarations"
# the report names the running symbols too (glue makes .klp.sym relocations of them)
rep=$(sed -n '/^externalized_symbols:/,/^[a-z]/p' st.yaml | awk '$1 == "-" && $2 == "name:" {print $3}' | sort | tr '\n' ' ')
[ "$rep" = "$want" ] || fail "st.yaml externalizes '$rep', the target has '$want'"
grep -qE 'extern int cnt;' st.c && fail "st.c: a cnt declared under its plain name"
# ... and bound to the right ones: linked with the target (its statics made
# global), the patched functions share the original functions' state.
cat >st-main.c <<'EOS'
#include <stdio.h>
int f(int), g(int), klpp_f(int), klpp_g(int);
int main(void)
{
	f(5);
	g(3);
	printf("%d %d\n", klpp_f(0), klpp_g(1));
	return 0;
}
EOS
objcopy $(for s in $want; do printf ' --globalize-symbol=%s' "$s"; done) statics.o st-target.o &&
	$CC -o st-run st-main.c st-target.o st.c.o || fail "st.c.o does not link with the target"
[ "$(./st-run)" = "6 -4" ] || fail "st.c: patched functions use other statics: $(./st-run)"

# A patched function the target has in .init.* or .exit.* is refused (an
# error naming the section, no output), with the defaults and with
# policies/kernel; .ref.text is ordinary text; a function calling an init
# one is patched.
$CC $CFLAGS -g -c init.c -o init.o || exit 1
for pol in default kernel; do
	hooks=()
	[ $pol = kernel ] && hooks=(-P "$K/modify-patched-fun-sym" -F "$K/can-externalize-fun" -S "$K/shall-externalize-fun")
	for fn in setup:.init.text teardown:.exit.text; do
		rm -f i.c
		"$KLP_CCP" -o i.c --patched-functions=${fn%%:*} --target-object=init.o "${hooks[@]}" \
			-- $CC $CFLAGS -c init.c 2>i.err && fail "$pol: ${fn%%:*} not refused"
		grep -q "^init.c:[0-9]*:.*error: patched function '${fn%%:*}' is in ${fn#*:} in init.o: .*cannot be livepatched" i.err ||
			fail "$pol: no ${fn#*:} refusal: $(cat i.err)"
		[ -e i.c ] && fail "$pol: output written for ${fn%%:*}"
	done
	for fn in probe use; do
		"$KLP_CCP" -o u.c --patched-functions=$fn --target-object=init.o "${hooks[@]}" \
			-- $CC $CFLAGS -c init.c 2>u.err || fail "$pol: $fn refused: $(cat u.err)"
	done
done

# The environment of the hooks.
cat >dump.sh <<'EOS'
#!/bin/sh
printf '%s|%s|%s\n' "$1" "$KLP_CCP_PATCHED_FUNCTIONS" "${KLP_CCP_COPIED_FUNCTIONS-unset}" >>env.log
echo 'RESULT: YES'
EOS
chmod +x dump.sh
"$KLP_CCP" -o env.c --patched-functions=f --target-object=clone.o -F ./dump.sh \
	-- $CC $CFLAGS -c clone.c 2>/dev/null || fail "env.c: extraction failed"
grep -qx 'h|f|' env.log || fail "can-externalize-fun h: env $(grep '^h|' env.log)"
grep -qx 'v|f|h' env.log || fail "can-externalize-fun v: env $(grep '^v|' env.log)"
cat >dump-obj.sh <<'EOS'
#!/bin/sh
echo "$1|$KLP_CCP_OBJ_SCOPE|$KLP_CCP_OBJ_READONLY" >>obj.log
echo 'RESULT: YES'
EOS
chmod +x dump-obj.sh
"$KLP_CCP" -o env-obj.c --patched-functions=f -O ./dump-obj.sh -- $CC $CFLAGS -c objs.c \
	2>/dev/null || fail "env-obj.c: extraction failed"
for l in 'x2|function|yes' 'calls|function|no' 'x|file|no'; do
	grep -qx "$l" obj.log || fail "shall-externalize-obj: no '$l' in: $(tr '\n' ' ' <obj.log)"
done

[ $FAILED = 0 ] && echo "PASS" || exit 1
