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
