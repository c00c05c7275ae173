#!/usr/bin/env bash
# The whole flow on a cross-built corpus with CONFIG_LIVEPATCH (ppc64le,
# s390x): klp-ccp --report on kernel/time/timer.c mod_timer (facts from the
# corpus object), klp-ccp glue, "make" with the generated Makefile against the
# cross tree (ARCH, CROSS_COMPILE), then a look at the .ko: livepatch symbols
# and klp relocation sections hold the architecture's relocation types
# (ppc64le: the bl to __mod_timer keeps the nop the kernel turns into the TOC
# restore when it applies the klp relocation).
# Usage: module.sh ARCH (KLP_CCP, KLP_CCP_SRC from the environment as for
# tests/glue). Exit 77: no corpus, no LIVEPATCH, or no cross compiler.
. "$(dirname "$0")/../glue/lib.sh"
arch=$1
C=${CORPUS:-$HOME/.cache/klp-ccp-corpus}-$arch
tree=$C/linux
json=$C/cmdlines/kernel_time_timer.json
for f in "$json" "$tree/.config" "$tree/scripts/mod/modpost"; do
	[ -e "$f" ] || { echo "SKIP: no prepared $arch corpus ($f)"; exit 77; }
done
grep -qx CONFIG_LIVEPATCH=y "$tree/.config" || { echo "SKIP: $arch corpus without CONFIG_LIVEPATCH"; exit 77; }
cc=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0])' "$json")
command -v "$cc" >/dev/null || { echo "SKIP: $cc not installed"; exit 77; }
karch=$(sed -n 's/^# Linux\/\([a-z0-9_]*\) .*/\1/p' "$tree/.config" | head -n1)
export ARCH=$karch CROSS_COMPILE=${cc%gcc}

mapfile -t argv < <(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))))' "$json")
(cd "$tree" && "$KLP_CCP" -o "$work/timer.c" --report="$work/timer.yaml" \
	--patched-functions=mod_timer --target-object="$C/objects/kernel_time_timer.o" \
	-- "${argv[@]}") 2>"$work/err" || fail "klp-ccp: $(head -3 "$work/err")"
"$KLP_CCP" glue -o "$work/mod" --name=klp_$arch --kdir="$tree" "$work/timer.yaml" ||
	fail "glue failed"
make -C "$work/mod" -j2 >"$work/make.out" 2>&1 ||
	fail "module build failed: $(grep -m5 -E 'error|Error' "$work/make.out")"
ko=$work/mod/klp_$arch.ko
[ -f "$ko" ] || fail "no $(basename "$ko")"
machine=$(readelf -hW "$C/objects/kernel_time_timer.o" | sed -n 's/.*Machine: *//p')
readelf -hW "$ko" | grep -qF "$machine" || fail "the module is not built for $arch ($machine)"
nm "$ko" | grep -Eq '^[0-9a-f]+ T klpp_mod_timer$' || fail "nm: no T klpp_mod_timer"
readelf -sW "$ko" | grep -q 'OS \[0xff20\] \.klp\.sym\.vmlinux\.__mod_timer,[0-9]*$' ||
	fail "no livepatch symbol for __mod_timer"
# "OFFSET TYPE SECTION" of each klp relocation against __mod_timer
readelf -rW "$ko" | awk '/^Relocation section .*\.klp\.rela\.vmlinux\./ {
	on = 1; sec = $3; gsub(/\x27/, "", sec); sub(/^\.klp\.rela\.vmlinux\./, "", sec); next }
	/^Relocation section/ {on = 0} on && /klp\.sym\.vmlinux\.__mod_timer/ {print $1, $3, sec}' >"$work/klp"
awk '{print $2}' "$work/klp" >"$work/types"
[ -s "$work/types" ] || fail "no klp relocation against __mod_timer"
case $arch in
ppc64le)
	grep -qx R_PPC64_REL24 "$work/types" || fail "klp relocation types: $(sort -u "$work/types")"
	# the call site: bl __mod_timer; nop (the slot for ld r2,24(r1))
	while read -r off type sec; do
		[ "$type" = R_PPC64_REL24 ] || continue
		next=$(printf '%x' $((0x$off + 4)))
		"${CROSS_COMPILE}objdump" -d -j "$sec" "$ko" | grep -E "^ +$next:" | grep -q 'nop' ||
			fail "no nop after the call to __mod_timer at $sec+0x$off"
	done <"$work/klp" ;;
s390x)
	grep -Eqx 'R_390_(PLT|PC)32DBL' "$work/types" || fail "klp relocation types: $(sort -u "$work/types")" ;;
esac
echo "PASS: $arch $(basename "$ko"), klp relocations $(sort -u "$work/types" | tr '\n' ' ')"
