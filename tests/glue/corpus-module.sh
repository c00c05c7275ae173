#!/usr/bin/env bash
# The whole flow on the kernel corpus: klp-ccp --report on two corpus files
# (fs/namei.c may_linkat with pointer externalization, kernel/time/timer.c
# mod_timer with plain externalization; facts from the corpus objects),
# klp-ccp glue, then "make" with the generated Makefile against the corpus
# tree (kbuild, then klp-ccp klp-relocs) and a look at the .ko: klp
# relocations, no run-time symbol lookup; with the full kernel's
# Module.symvers (tests/boot/build-kernel.sh), no undefined symbol the
# kernel does not export is left. Exit 77: no corpus.
. "$(dirname "$0")/lib.sh"
: "${REPORT_CHECK:?}"
CORPUS=${CORPUS:-$HOME/.cache/klp-ccp-corpus}
tree=$CORPUS/linux
for f in "$CORPUS/cmdlines/fs_namei.json" "$CORPUS/cmdlines/kernel_time_timer.json" \
	"$tree/.config" "$tree/scripts/mod/modpost"; do
	[ -e "$f" ] || { echo "SKIP: no prepared corpus ($f)"; exit 77; }
done
grep -qx CONFIG_LIVEPATCH=y "$tree/.config" || { echo "SKIP: corpus without CONFIG_LIVEPATCH"; exit 77; }
start=$(date +%s)

extract() {	# FLAT FUNC KLP-CCP-OPTIONS...
	local flat=$1 fn=$2 argv
	shift 2
	mapfile -t argv < <(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))))' \
		"$CORPUS/cmdlines/$flat.json")
	(cd "$tree" && "$KLP_CCP" -o "$work/$flat.c" --report="$work/$flat.yaml" \
		--patched-functions="$fn" "$@" -- "${argv[@]}") 2>"$work/$flat.err" ||
		fail "klp-ccp $flat: $(head -3 "$work/$flat.err")"
	# lp.c preprocessed with the original flags: copied code reaches header
	# declared symbols through the headers' macros (raw_spin_lock)
	local pp=("${argv[@]}") i
	for i in "${!pp[@]}"; do
		case ${pp[$i]} in -c) pp[$i]=-E ;; -o) pp[$((i + 1))]=$work/$flat.i ;; -Wp,-M*) pp[$i]=-w ;; esac
	done
	pp[-1]=$work/$flat.c
	(cd "$tree" && "${pp[@]}") 2>"$work/$flat.i.err" || fail "$flat: lp.c does not preprocess: $(head -3 "$work/$flat.i.err")"
	"$REPORT_CHECK" lp "$work/$flat.yaml" "$work/$flat.c" "$work/$flat.i" ||
		fail "$flat: report and lp.c disagree"
}
extract fs_namei may_linkat -E "$KLP_CCP_SRC/policies/kernel/modify-externalized-sym --pointer" \
	--target-object="$CORPUS/objects/fs_namei.o"
extract kernel_time_timer mod_timer --target-object="$CORPUS/objects/kernel_time_timer.o"
grep -q 'method: pointer' "$work/fs_namei.yaml" || fail "no pointer externalization in fs_namei"
grep -q 'method: plain' "$work/kernel_time_timer.yaml" || fail "no plain externalization in timer"

mod=$work/mod
"$KLP_CCP" glue -o "$mod" --name=klp_corpus --kdir="$tree" "$work/fs_namei.yaml" \
	"$work/kernel_time_timer.yaml" || fail "glue failed"
make -C "$mod" -j2 >"$work/make.out" 2>&1 ||
	fail "module build failed: $(grep -m5 -E 'error|Error' "$work/make.out")"
ko=$mod/klp_corpus.ko
[ -f "$ko" ] || fail "no klp_corpus.ko"
grep -q 'warning:' "$work/make.out" && fail "compiler warnings: $(grep -m3 warning: "$work/make.out")"
symvers=$tree/Module.symvers
if [ -f "$symvers" ]; then
	# modpost was told about the symbols klp relocations resolve: no warning
	grep -q 'WARNING: modpost' "$work/make.out" && fail "modpost: $(grep -m3 'WARNING: modpost' "$work/make.out")"
fi

if command -v modinfo >/dev/null; then
	info=$(modinfo -F livepatch "$ko")
else
	info=$(readelf -p .modinfo "$ko" | sed -n 's/.*\] *livepatch=//p')
fi
[ "$info" = Y ] || fail "modinfo livepatch is '$info', want Y"
readelf -p .modinfo "$ko" | grep -q 'license=GPL' || fail "no GPL license"
readelf -p .modinfo "$ko" | grep -q 'name=klp_corpus' || fail "module name"
sections=$(readelf -SW "$ko")
for s in .modinfo .gnu.linkonce.this_module __mcount_loc .bss .data; do
	grep -qF " $s " <<<"$sections" || fail "no section $s"
done
syms=$(nm "$ko")
for want in 'T klpp_may_linkat' 'T klpp_mod_timer' 'U klp_enable_patch' 't klp_ccp_init' \
	'D __this_module'; do
	grep -Eq "^[0-9a-f ]+ ${want}\$" <<<"$syms" || fail "nm: no '$want'"
done
grep -Eq ' [TtDdBb] (may_linkat|mod_timer)$' <<<"$syms" && fail "the .ko defines an original function"
grep -q 'kprobe\|kallsyms' <<<"$syms" && fail "run-time symbol lookup left"
# the static sysctl_protected_hardlinks (pointer) and the statics timer's lp.c
# externalizes plainly (which ones depends on what the policy copies)
readelf -sW "$ko" | grep -q 'OS \[0xff20\] \.klp\.sym\.vmlinux\.sysctl_protected_hardlinks,[0-9]*$' ||
	fail "no livepatch symbol for sysctl_protected_hardlinks"
plain_statics=$(python3 -c '
import sys
ext, cur = False, {}
def done():
    if cur.get("method") == "plain" and cur.get("linkage") == "internal":
        print(cur["name"])
for line in open(sys.argv[1]):
    if not line.startswith((" ", "-")):
        ext = line.startswith("externalized_symbols:")
        continue
    if not ext:
        continue
    if line.startswith("- "):
        done(); cur = {}
    k, _, v = line[2:].strip().partition(": ")
    cur[k] = v
done()' "$work/kernel_time_timer.yaml")
[ -n "$plain_statics" ] || fail "timer: no static externalized plainly"
for s in $plain_statics; do
	readelf -sW "$ko" | grep -q "OS \[0xff20\] \.klp\.sym\.vmlinux\.$s,[0-9]*\$" ||
		fail "no livepatch symbol for $s"
done
readelf -SW "$ko" | grep -E '\.klp\.rela\.vmlinux\.' | grep -q ' AIo ' || fail "no klp relocation section"
if [ -f "$symvers" ]; then
	cut -f2 "$symvers" | sort -u >"$work/exported"
	left=$(nm -u "$ko" | awk '{print $2}' | sort -u | comm -23 - "$work/exported")
	[ -z "$left" ] || fail "undefined symbols the kernel does not export: $left"
	note="checked against Module.symvers"
else
	note="no Module.symvers: exports not checked"
fi
echo "PASS: $(basename "$ko") $(stat -c %s "$ko") bytes, $note, $(( $(date +%s) - start ))s"
