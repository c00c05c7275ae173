#!/usr/bin/env bash
# klp-ccp verify against cross-built kernel objects: arch.sh KLP_CCP ARCH FLAT.
# The control of tests/verify/kernel.sh on $CORPUS-ARCH (tests/arch/): the
# corpus source itself compiled as LP.c with the cross compiler, every
# function of the object under its own name, all identical. What a kbuild
# object of ARCH has and a plain compile has not is allowed for: calls the
# assembler resolved within .text (bl/brasl without relocation; ppc64 local
# calls enter after the TOC set-up), recordmcount's __mcount_loc. Skipped
# (77) without that corpus.
set -u
klp=$1 arch=$2 flat=$3
CORPUS=${CORPUS:-$HOME/.cache/klp-ccp-corpus}
C=$CORPUS-$arch
obj=$C/objects/$flat.o
json=$C/cmdlines/$flat.json
[ -f "$obj" ] && [ -f "$json" ] && [ -d "$C/linux" ] || { echo "SKIP: no $arch corpus"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/klp-ccp-verify-arch.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; [ ! -f "$tmp/out" ] || sed 's/^/  | /' "$tmp/out"; exit 1; }
src=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))[-1])' "$json") || fail "no source in $json"
fns=$(python3 - "$obj" <<'PY'
import subprocess, sys
# the function symbols of the object (readelf: no cross nm needed)
out = subprocess.run(["readelf", "-sW", sys.argv[1]], capture_output=True, text=True).stdout
# (ppc64: "[<localentry>: 8]" between visibility and section index)
rows = [l.split() for l in out.splitlines()]
names = sorted({r[-1] for r in rows if len(r) >= 8 and r[3] == "FUNC" and r[-2] != "UND"
                and "." not in r[-1]})
print(",".join("%s=%s" % (n, n) for n in names))
PY
)
[ -n "$fns" ] || fail "no functions in $obj"
cd "$C/linux" || exit 1
"$klp" verify --target-object="$obj" --patched-functions="$fns" "$src" --cmdline-json="$json" \
	>"$tmp/out" 2>&1
rc=$?
[ $rc = 0 ] || fail "verify exited $rc, not 0"
n=$(grep -c ': identical$' "$tmp/out")
[ "$n" -ge 10 ] || fail "only $n functions compared"
tail -n1 "$tmp/out"
echo "PASS verify/arch-$arch"
