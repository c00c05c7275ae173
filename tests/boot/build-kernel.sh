#!/usr/bin/env bash
# build-kernel.sh - the full kernel of the corpus tree: vmlinux, Module.symvers
# and arch/x86/boot/bzImage, built IN the corpus tree ($CORPUS/linux) with the
# KCFLAGS that ../shared/corpus/setup-kernel-corpus.sh used, so the corpus
# objects are not rebuilt (checked: their bytes must still match the corpus
# copies in $CORPUS/objects afterwards). Livepatches for the boot test are
# generated from this same tree.
#
# Cached: a stamp holds the .config checksum and the bzImage/Module.symvers
# mtimes; when it matches and the outputs exist, nothing is done. A lock
# (flock on $CORPUS/kernel-build.lock) keeps concurrent runs from building twice:
# the second waits and then finds the stamp.
#   JOBS (default 2), NICE (default 10), CORPUS (default $HOME/.cache/klp-ccp-corpus)
set -euo pipefail
CORPUS=${CORPUS:-$HOME/.cache/klp-ccp-corpus}
tree=$CORPUS/linux
jobs=${JOBS:-2}
kcflags=-fdump-ipa-clones	# as setup-kernel-corpus.sh (EXTRA_KCFLAGS)
stamp=$CORPUS/kernel-build.stamp
log=$CORPUS/logs/kernel-build.log
export LC_ALL=C

die() { echo "build-kernel: $*" >&2; exit 1; }
[ -f "$tree/.config" ] && [ -f "$CORPUS/manifest.json" ] ||
	die "no corpus in $CORPUS (run ../shared/corpus/setup-kernel-corpus.sh first)"
grep -qx CONFIG_LIVEPATCH=y "$tree/.config" || die "corpus .config lacks CONFIG_LIVEPATCH"

state() {
	printf '%s %s %s\n' "$(sha256sum <"$tree/.config" | cut -c1-64)" \
		"$(stat -c %Y "$tree/arch/x86/boot/bzImage" 2>/dev/null || echo none)" \
		"$(stat -c %Y "$tree/Module.symvers" 2>/dev/null || echo none)"
}
up_to_date() {
	[ -f "$stamp" ] && [ -f "$tree/vmlinux" ] && [ -f "$tree/Module.symvers" ] &&
		[ -f "$tree/arch/x86/boot/bzImage" ] && [ "$(cat "$stamp")" = "$(state)" ]
}

# corpus objects whose bytes differ from their corpus copies (must be none)
changed_corpus_objects() {
	python3 - "$CORPUS/manifest.json" <<'PY'
import json, sys, filecmp, os
m = json.load(open(sys.argv[1]))
for e in m["objects"]:
    o = os.path.join(m["tree"], e["object"])
    if not os.path.exists(o) or not filecmp.cmp(o, e["object_copy"], shallow=False):
        print(e["object"])
PY
}

mkdir -p "$CORPUS/logs"
exec 9>"$CORPUS/kernel-build.lock"
flock 9
if up_to_date; then
	echo "build-kernel: up to date ($tree/arch/x86/boot/bzImage)"
	exit 0
fi
echo "build-kernel: building vmlinux, modules, bzImage in $tree (log: $log)"
start=$(date +%s)
(cd "$tree" && nice -n "${NICE:-10}" make -j"$jobs" KCFLAGS="$kcflags" all) >"$log" 2>&1 || {
	tail -n 30 "$log" >&2; die "kernel build failed (log: $log)"; }
changed=$(changed_corpus_objects)
[ -z "$changed" ] || die "the build changed corpus objects (KCFLAGS differ?): $changed"
for f in vmlinux Module.symvers arch/x86/boot/bzImage; do
	[ -f "$tree/$f" ] || die "no $f after the build"
done
state >"$stamp"
echo "build-kernel: done in $(( $(date +%s) - start )) s"
