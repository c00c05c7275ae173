#!/usr/bin/env bash
# klp-ccp glue on one report written by klp-ccp (mix.c: pointer and plain
# externalizations, object null), then without pointers (counter.c, default
# policy): layout, contents, idempotence, and the C compiles against stubs.
. "$(dirname "$0")/lib.sh"
out=$work/out
has() {	# FILE FIXED-STRING...
	local f=$1; shift
	for s; do grep -qF -- "$s" "$out/$f" || fail "$f lacks: $s"; done
}

cd "$GLUE_TESTS/src" || exit 1
"$KLP_CCP" -o "$work/lp.c" --report="$work/lp.yaml" --patched-functions=mix_step,mix_other \
	-E "$MIXED_POLICY" -- gcc -O2 -c mix.c || fail "klp-ccp mix.c"
cd "$work" || exit 1
# mix.c's statics have no object facts (no --target-object): refused, unless --force
"$KLP_CCP" glue -o "$out" lp.yaml 2>"$work/err" && fail "statics without facts accepted"
grep -q "error: static 'p_helper' is externalized without object facts" "$work/err" ||
	fail "refusal message: $(cat "$work/err")"
[ -e "$out" ] && fail "output written despite the error"
"$KLP_CCP" glue --force -o "$out" lp.yaml 2>"$work/err" || fail "glue failed"
grep -q "warning: static 'p_helper' has no object facts: assuming vmlinux" "$work/err" ||
	fail "no --force warning"
[ "$(ls "$out" | tr '\n' ' ')" = "Kbuild Makefile klp-symbols livepatch.c lp_mix.c " ] ||
	fail "layout: $(ls "$out")"
has livepatch.c '.old_name = "mix_step",' '.new_func = klpp_mix_step,' '.old_sympos = 0,' \
	'.old_name = "mix_other",' '.new_func = klpp_mix_other,' '.name = NULL,' 'object: null' \
	'.replace = false,' '.mod = THIS_MODULE,' 'return klp_enable_patch(&klp_ccp_patch);' \
	'MODULE_INFO(livepatch, "Y");' \
	'MODULE_LICENSE("GPL");' '.klp.sym.vmlinux.g_total,0'
# a function's statics by GCC's symbols (q_calls.N: no facts, from compiling mix.c)
grep -qE '\.klp\.sym\.vmlinux\.q_calls\.[0-9]+,0' "$out/livepatch.c" || fail "livepatch.c lacks q_calls.N"
grep -qE '__asm__\("klpe\.vmlinux\.p_calls\.[0-9]+\.0"\);' "$out/lp_mix.c" || fail "lp_mix.c lacks p_calls.N"
has lp_mix.c 'extern __typeof__(*klpe_p_helper) klp_ccp_target_klpe_p_helper __asm__("klpe.vmlinux.p_helper.0");' \
	'static __typeof__(klpe_p_helper) klpe_p_helper = &klp_ccp_target_klpe_p_helper;'
head -c "$(stat -c %s lp.c)" "$out/lp_mix.c" | cmp -s - lp.c || fail "lp_mix.c does not start with lp.c"
# the appended part is numbered as lines of lp_mix.c
n=$(grep -n '^#line [0-9]* "lp_mix.c"' "$out/lp_mix.c" | cut -d: -f1)
[ "$(sed -n "${n}p" "$out/lp_mix.c" | awk '{print $2}')" = $((n + 1)) ] || fail "#line of the appended part"
has Kbuild 'obj-m := klp_ccp_patch.o' 'klp_ccp_patch-y := livepatch.o lp_mix.o' \
	'CFLAGS_lp_mix.o :=' 'KBUILD_EXTRA_SYMBOLS := $(src)/klp-relocs.symvers' \
	'--write-symvers=$@'
has Makefile 'KDIR ?= /lib/modules/$(shell uname -r)/build' '$(MAKE) -C $(KDIR) M=$(CURDIR) $@' \
	'klp-relocs --symbols=klp-symbols' 'klp_ccp_patch.ko'
for s in printf g_total q_helper table 'q_calls\.[0-9]+'; do
	grep -qE "^$s vmlinux $s 0\$" "$out/klp-symbols" || fail "klp-symbols lacks $s"
done
for s in p_helper 'p_calls\.[0-9]+'; do
	grep -qE "^klpe\.vmlinux\.$s\.0 vmlinux $s 0\$" "$out/klp-symbols" || fail "klp-symbols lacks pointer $s"
done
grep -q '^klpe_' "$out/klp-symbols" && fail "pointer variable in klp-symbols"
gcc -std=gnu11 -Wall -Werror -c "$out/lp_mix.c" -o "$work/lp_mix.o" || fail "lp_mix.c does not compile"
# the pointers are initialized: relocations to the running symbols
for s in p_helper 'p_calls\.[0-9]+'; do
	readelf -rW "$work/lp_mix.o" | grep -qE "klpe\.vmlinux\.$s\.0" || fail "no relocation to $s"
done
gcc -std=gnu11 -Wall -Wextra -Wno-unused-parameter -Werror -I"$GLUE_TESTS/stub" \
	-c "$out/livepatch.c" -o "$work/livepatch.o" || fail "livepatch.c does not compile"

# Again into the same directory: same result, nothing left over.
cp -r "$out" "$work/first"
"$KLP_CCP" glue --force -o "$out" lp.yaml 2>/dev/null || fail "second glue run"
diff -r "$work/first" "$out" || fail "not idempotent"

# livepatch.c says how each externalized symbol is resolved: an exported one
# (KDIR/Module.symvers) by the module loader, the others by klp relocations.
section() {	# section TITLE: the " *   NAME" lines under TITLE in livepatch.c's comment
	awk -v t=" * $1" '$0 == t { on = 1; next } on && !/^ \*   / { exit } on { print $2 }' "$out/livepatch.c"
}
grep -qF ' * klp relocations unless KDIR/Module.symvers exports them:' "$out/livepatch.c" ||
	fail "without KDIR: livepatch.c does not say exported symbols are no klp relocations"
[ "$(section 'klp relocations unless KDIR/Module.symvers exports them:' | grep -c '^\.klp\.sym\.vmlinux\.')" = \
  "$(grep -vc "^#" "$out/klp-symbols")" ] || fail "without KDIR: not every placed symbol is listed"
mkdir -p "$work/kdir"
printf '0x00000000\tprintf\tvmlinux\tEXPORT_SYMBOL\t\n' >"$work/kdir/Module.symvers"
"$KLP_CCP" glue --force --kdir="$work/kdir" -o "$work/out-kdir" lp.yaml 2>/dev/null || fail "glue with a KDIR"
out=$work/out-kdir
[ "$(section 'exported, resolved by the module loader:')" = printf ] ||
	fail "printf is not listed as resolved by the module loader"
klp=$(section 'klp relocations (KDIR/Module.symvers does not export them):')
printf '%s\n' "$klp" | grep -qxF '.klp.sym.vmlinux.g_total,0' || fail "g_total is not a klp relocation"
printf '%s\n' "$klp" | grep -q 'printf' && fail "exported printf is listed as a klp relocation"
printf '0x0\tprintf\n' >"$work/kdir/Module.symvers"
"$KLP_CCP" glue --force --kdir="$work/kdir" -o "$work/out-bad" lp.yaml 2>"$work/err" &&
	fail "a malformed KDIR/Module.symvers accepted"
grep -q "error: .*Module.symvers" "$work/err" || fail "no error naming Module.symvers: $(cat "$work/err")"
[ -e "$work/out-bad" ] && fail "output written despite the error"

# Options; no pointers: no resolver, the copy is the lp.c as is.
cd "$KLP_CCP_SRC/examples/counter" || exit 1
"$KLP_CCP" -o "$work/c.c" --report="$work/c.yaml" --patched-functions=counter_bump \
	-- gcc -O2 -c counter.c || fail "klp-ccp counter.c"
out=$work/out2
"$KLP_CCP" glue -f -o "$out" --name=counter_lp --replace --kdir=/usr/src/linux "$work/c.yaml" 2>/dev/null ||
	fail "glue counter"
cmp -s "$work/c.c" "$out/lp_counter.c" || fail "lp_counter.c is not lp.c"
has Kbuild 'obj-m := counter_lp.o' 'counter_lp-y := livepatch.o lp_counter.o'
has Makefile 'KDIR ?= /usr/src/linux' 'builds counter_lp.ko'
has livepatch.c '.replace = true,' 'return klp_enable_patch(&klp_ccp_patch);'
"$KLP_CCP" glue --help | grep -q 'Usage: klp-ccp glue' || fail "--help"
echo PASS
