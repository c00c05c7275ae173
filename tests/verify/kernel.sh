#!/usr/bin/env bash
# klp-ccp verify on the kernel corpus: kernel.sh KLP_CCP. Skipped (77)
# without the corpus. From the tree root, as an author would:
#  1. extract two functions of kernel/exit.c with policies/kernel and the
#     corpus object as --target-object; verify with the report: identical;
#  2. the same lp.c with the function edited: differs (code), exit 2;
#  3. the control: kernel/exit.c itself as LP.c, every function of the
#     object under its own name (--kbuild-object if the tree's kernel
#     was built, else --cmdline-json): all identical, which
#     checks the comparison against a kbuild object (calls within .text
#     without relocations, objtool's jump-label no-ops and sections).
set -u
klp=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
CORPUS=${CORPUS:-$HOME/.cache/klp-ccp-corpus}
tree=$CORPUS/linux
obj=$CORPUS/objects/kernel_exit.o
json=$CORPUS/cmdlines/kernel_exit.json
[ -f "$json" ] && [ -f "$obj" ] && [ -f "$tree/kernel/exit.c" ] || { echo "SKIP: no kernel corpus"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/klp-ccp-verify-kernel.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; [ ! -f "$tmp/out" ] || sed 's/^/  | /' "$tmp/out"; exit 1; }
K=$root/policies/kernel
cd "$tree" || exit 1

"$klp" -o "$tmp/lp.c" --report="$tmp/lp.yaml" \
	--patched-functions=kill_orphaned_pgrp,will_become_orphaned_pgrp --target-object="$obj" \
	-H "$K/may-include-header" -F "$K/can-externalize-fun" -S "$K/shall-externalize-fun" \
	-O "$K/shall-externalize-obj" -E "$K/modify-externalized-sym" \
	-P "$K/modify-patched-fun-sym" -R "$K/rename-rewritten-fun" \
	--cmdline-json="$json" >"$tmp/out" 2>&1 || fail "extraction"

"$klp" verify --target-object="$obj" --report="$tmp/lp.yaml" >"$tmp/out" 2>&1
rc=$?
[ $rc = 0 ] || fail "verify exited $rc, not 0"
grep -q '^kill_orphaned_pgrp: identical$' "$tmp/out" &&
grep -q '^will_become_orphaned_pgrp: identical$' "$tmp/out" || fail "not identical"

# An edit of the function (what the author does next) is seen.
sed -i "s/__kill_pgrp_info(SIGHUP, SEND_SIG_PRIV, pgrp);/__kill_pgrp_info(SIGTERM, SEND_SIG_PRIV, pgrp);/" "$tmp/lp.c"
grep -q "__kill_pgrp_info(SIGTERM," "$tmp/lp.c" || fail "lp.c not edited"
"$klp" verify --target-object="$obj" --report="$tmp/lp.yaml" --format=yaml >"$tmp/out" 2>&1
rc=$?
[ $rc = 2 ] || fail "verify of the edited lp.c exited $rc, not 2"
python3 - "$tmp/out" <<'EOF' || fail "YAML of the edited lp.c"
import sys, yaml
d = yaml.safe_load(open(sys.argv[1]))
f = {x["name"]: x for x in d["functions"]}
assert f["kill_orphaned_pgrp"]["status"] == "differs", f
assert f["kill_orphaned_pgrp"]["class"] == "code", f
assert f["will_become_orphaned_pgrp"]["status"] == "identical", f
EOF

# The control: the original source compiled as lp.c would be.
fns=$(nm "$obj" | awk '($2 == "t" || $2 == "T") && $3 !~ /\./ { printf "%s%s=%s", s, $3, $3; s = "," }')
[ -n "$fns" ] || fail "no functions in $obj"
# kbuild's record of the command when the corpus tree's kernel was built
cl=--cmdline-json="$json"
[ ! -f kernel/.exit.o.cmd ] || cl=--kbuild-object=kernel/exit.o
"$klp" verify --target-object="$obj" --patched-functions="$fns" kernel/exit.c "$cl" \
	>"$tmp/out" 2>&1
rc=$?
[ $rc = 0 ] || fail "control exited $rc, not 0"
n=$(grep -c ': identical$' "$tmp/out")
[ "$n" -ge 30 ] || fail "only $n functions compared"
tail -n1 "$tmp/out"
echo "PASS verify/kernel"
