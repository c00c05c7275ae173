# Sourced by the tests/inline scripts: HERE, K (policies/kernel), KERNEL_HOOKS, CC, fail()
# counting into FAILED, and a scratch directory WORK (removed on exit) made
# the current directory with the named sources of tests/inline copied in.
# Usage: . setup.sh NAME FILE...
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
K=$(cd "$HERE/../../policies/kernel" && pwd)
# every hook of policies/kernel but is-patched
KERNEL_HOOKS=(-H "$K/may-include-header" -F "$K/can-externalize-fun"
	-S "$K/shall-externalize-fun" -O "$K/shall-externalize-obj"
	-E "$K/modify-externalized-sym" -P "$K/modify-patched-fun-sym"
	-R "$K/rename-rewritten-fun")
CC=${CC:-gcc}
command -v "$CC" >/dev/null || { echo "SKIP: no $CC"; exit 77; }
FAILED=0
fail() { echo "FAIL: $*"; FAILED=$((FAILED + 1)); }
WORK=$(mktemp -d "/tmp/klp-ccp-$1-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
shift
for f in "$@"; do cp "$HERE/$f" . || exit 1; done
# All of policies/kernel's hooks as klp-ccp options.
KERNEL_HOOKS=(-H "$K/may-include-header" -F "$K/can-externalize-fun"
	-S "$K/shall-externalize-fun" -O "$K/shall-externalize-obj"
	-E "$K/modify-externalized-sym" -P "$K/modify-patched-fun-sym"
	-R "$K/rename-rewritten-fun")
# pointer_case SRC FN BODY ONLY: extracting FN of SRC (t.o its object, CFLAGS
# set) with externalized symbols made pointers, BODY gets no inline body and
# ONLY, which that body alone names, is not externalized: lp.c would define
# klpe_ONLY unused, an error under -Werror.
pointer_case() {
	local src=$1 fn=$2 body=$3 only=$4 out=lp-pointer.c

	"$KLP_CCP" -o $out --report=$out.yaml --patched-functions=$fn --target-object=t.o \
		-E "$K/modify-externalized-sym --pointer" -- $CC $CFLAGS -c $src 2>$out.err ||
		{ fail "$out: extraction failed: $(cat $out.err)"; return; }
	grep -q "inline.* $body(" $out && fail "$out: an inline body of $body"
	grep -q "klpe_$only\\b" $out $out.yaml && fail "$out: $only externalized"
	$CC $CFLAGS -c $out -o $out.o 2>$out.cc || fail "$out: $(head -3 $out.cc)"
}
