#!/bin/bash
# Functions the target object shows inlined into a patched function (t.c: g,
# s) or into a function the livepatch copies (clone.c: v inside
# h.constprop.0) are copied, so that GCC can inline them into the livepatch
# as it did in the original; one not inlined (n) is externalized. Checked
# with the built-in defaults and with policies/kernel, on lp.c's text and on
# what lp.o defines and references. The hooks get KLP_CCP_PATCHED_FUNCTIONS
# and KLP_CCP_COPIED_FUNCTIONS.
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
cp "$HERE/t.c" "$HERE/api.h" "$HERE/clone.c" .
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
		# inlined again: the copies leave no symbol behind
		nm "t-$pol.c.o" | grep -qE ' klpr_g$| s$' && fail "t-$pol.c.o: copies not inlined"
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

[ $FAILED = 0 ] && echo "PASS" || exit 1
