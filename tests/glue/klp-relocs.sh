#!/usr/bin/env bash
# klp-ccp klp-relocs on a linked object built from glue's output for the
# hand-written reports (two objects, sympos, plain and pointer
# externalizations): the ELF format of Documentation/livepatch/
# module-elf-format.rst, what stays an ordinary reference (exported), errors
# (a symbol nothing places, bad input), --write-symvers, idempotence.
. "$(dirname "$0")/lib.sh"
F=$GLUE_TESTS/fixtures
out=$work/out
cd "$work" || exit 1
"$KLP_CCP" glue -o "$out" --name=multi_lp "$F/a.yaml" "$F/b.yaml" "$F/c.yaml" || fail "glue failed"
for c in "$out"/*.c; do
	gcc -std=gnu11 -O0 -fno-common -I"$GLUE_TESTS/stub" -c "$c" -o "${c%.c}.o" ||
		fail "$(basename "$c") does not compile"
done
ld -r -o all.o "$out"/*.o || fail "ld -r"
syms=$out/klp-symbols
placed=$(grep -v '^#' "$syms" | awk '{print $1}')
relocs_to() {	# OBJECT SYMBOL...: number of relocations against the symbols
	local o=$1; shift
	readelf -rW "$o" | awk -v s=" $* " 'NF >= 5 && index(s, " " $5 " ") {n++} END {print n+0}'
}
before=$(relocs_to all.o $placed)
[ "$before" -ge 7 ] || fail "too few relocations to convert: $before"

"$KLP_CCP" klp-relocs --symbols="$syms" -o conv.o all.o || fail "klp-relocs"
# every placed symbol is a livepatch symbol: SHN_LIVEPATCH, .klp.sym.OBJ.NAME,POS, global
for line in "ext4_plain_fn ext4 ext4_plain_fn 0" "helper_dup vmlinux helper_dup 1" \
	"klpe.ext4.ext4_es_cache.2 ext4 ext4_es_cache 2" "mark_inode_dirty_x vmlinux mark_inode_dirty_x 0" \
	"klpe.vmlinux.ext4_es_cache.0 vmlinux ext4_es_cache 0" \
	"klpe.vmlinux.jiffies_helper.0 vmlinux jiffies_helper 0"; do
	set -- $line
	readelf -sW conv.o | grep -qE "GLOBAL DEFAULT OS \[0xff20\] \.klp\.sym\.$2\.$3,$4\$" ||
		fail "no livepatch symbol .klp.sym.$2.$3,$4"
	nm conv.o | grep -q " U $1\$" && fail "$1 still undefined"
done
[ "$(nm -u conv.o | awk '{print $2}' | sort | tr '\n' ' ')" = "__this_module klp_enable_patch " ] ||
	fail "undefined symbols left: $(nm -u conv.o)"
# their relocations moved, all of them, into SHF_ALLOC|SHF_INFO_LINK|SHF_RELA_LIVEPATCH
# RELA sections named after the object and the target section, sh_info = target
[ "$(relocs_to conv.o $placed)" = 0 ] || fail "relocations to the old names left"
n=0
symtab=$(readelf -SW conv.o | awk '$2 == ".symtab" {gsub(/[][]/, "", $1); print $1}')
while read -r name type flags lk inf; do
	obj=${name#.klp.rela.}; obj=${obj%%.*}; target=${name#.klp.rela.$obj.}
	[ "$type" = RELA ] && [ "$flags" = AIo ] && [ "$lk" = "$symtab" ] ||
		fail "$name: type $type flags $flags link $lk"
	[ "$(readelf -SW conv.o | awk -v i="$inf" '{gsub(/[][]/, "")} $1 == i {print $2}')" = "$target" ] ||
		fail "$name: sh_info $inf is not $target"
	# only livepatch symbols of its own object (the kernel refuses others)
	readelf -rW conv.o | awk -v s="$name" '/^Relocation section/ {in_s = ($3 == "'\''" s "'\''")}
		in_s && NF >= 5 && $1 ~ /^[0-9a-f]+$/ {print $5}' >rels
	[ -s rels ] || fail "$name is empty"
	grep -v "^\.klp\.sym\.$obj\." rels && fail "$name refers to other symbols"
	n=$((n + $(wc -l <rels)))
done < <(readelf -SW conv.o | sed 's/^ *\[ *[0-9]*\] //' | awk '$1 ~ /^\.klp\.rela\./ {print $1, $2, $7, $8, $9}')
[ "$n" = "$before" ] || fail "$n klp relocations, $before relocations before"
readelf -SW conv.o | grep -q '\.klp\.rela\.ext4\..text' || fail "no .klp.rela.ext4..text"
readelf -SW conv.o | grep -q '\.klp\.rela\.vmlinux\..text' || fail "no .klp.rela.vmlinux..text"
# the rest of the object is unchanged
for s in klpp_ext4_write_begin klpp_copy_process klp_ccp_objs; do
	readelf -sW conv.o | grep -q " $s\$" || fail "$s lost"
done
[ "$(readelf -rW conv.o | grep -c klp_enable_patch)" = "$(readelf -rW all.o | grep -c klp_enable_patch)" ] ||
	fail "other relocations changed"

# idempotent; in place
"$KLP_CCP" klp-relocs --symbols="$syms" -o conv2.o conv.o || fail "second run"
cmp -s conv.o conv2.o || fail "a second run changes the module"
cp all.o inplace.o
"$KLP_CCP" klp-relocs --symbols="$syms" inplace.o && cmp -s inplace.o conv.o || fail "in place"

# Module.symvers: exported symbols stay ordinary references; the others must be placed
printf '0x00000000\tmark_inode_dirty_x\tvmlinux\tEXPORT_SYMBOL\t\n0x00000000\tklp_enable_patch\tvmlinux\tEXPORT_SYMBOL_GPL\t\n' >Module.symvers
"$KLP_CCP" klp-relocs --symbols="$syms" --symvers=Module.symvers -o exp.o all.o || fail "with symvers"
nm exp.o | grep -q ' U mark_inode_dirty_x$' || fail "exported symbol converted"
readelf -sW exp.o | grep -q 'klp.sym.vmlinux.helper_dup,1' || fail "non-exported symbol kept"
grep -v '^helper_dup ' "$syms" >partial
"$KLP_CCP" klp-relocs --symbols=partial --symvers=Module.symvers -o bad.o all.o 2>err &&
	fail "unplaced symbol accepted"
grep -q "error: all.o: undefined symbol 'helper_dup' (used by 'klpp_copy_process') is neither exported (Module.symvers) nor placed" err ||
	fail "message: $(cat err)"
# the same check before modpost (--write-symvers given the module's object): nothing written
"$KLP_CCP" klp-relocs --symbols=partial --symvers=Module.symvers --write-symvers=early.symvers all.o 2>err &&
	fail "--write-symvers: unplaced symbol accepted"
[ "$(wc -l <err)" = 1 ] && grep -q "error: all.o: undefined symbol 'helper_dup' (used by 'klpp_copy_process')" err ||
	fail "--write-symvers message: $(cat err)"
[ -e early.symvers ] && fail "--write-symvers: written on error"
"$KLP_CCP" klp-relocs --symbols="$syms" --symvers=Module.symvers --write-symvers=early.symvers all.o ||
	fail "--write-symvers with a placed object"
[ -e bad.o ] && fail "output written on error"
ls -A | grep -q '^\.klp-relocs' && fail "temporary file left"
"$KLP_CCP" klp-relocs --symbols=partial -o part.o all.o || fail "without symvers"
nm part.o | grep -q ' U helper_dup$' || fail "without symvers, unplaced symbols stay"

# modpost's extra symbols: the placed, non-exported ones, as vmlinux exports
"$KLP_CCP" klp-relocs --symbols="$syms" --symvers=Module.symvers --write-symvers=extra.symvers ||
	fail "--write-symvers"
[ "$(wc -l <extra.symvers)" = 5 ] || fail "extra.symvers: $(cat extra.symvers)"
grep -q $'^0x00000000\thelper_dup\tvmlinux\tEXPORT_SYMBOL_GPL\t$' extra.symvers || fail "extra.symvers format"
grep -q mark_inode_dirty_x extra.symvers && fail "exported symbol in extra.symvers"
# modpost drops a ".N" suffix from undefined symbols (a function's static cnt.2)
printf 'cnt.2 vmlinux cnt.2 1\nklpe.vmlinux.f.0 vmlinux f 0\nx.constprop.0 vmlinux x.constprop.0 0\n' >dots.syms
"$KLP_CCP" klp-relocs --symbols=dots.syms --write-symvers=dots.symvers || fail "--write-symvers dots"
[ "$(cut -f2 dots.symvers | tr '\n' ' ')" = "cnt klpe.vmlinux.f.0 x.constprop.0 " ] ||
	fail "modpost names: $(cut -f2 dots.symvers)"

# bad input: one error line, non-zero exit
printf 'a vmlinux\n' >bad.syms
"$KLP_CCP" klp-relocs --symbols=bad.syms all.o 2>err && fail "malformed symbols accepted"
grep -q 'bad.syms:1: malformed line' err || fail "message: $(cat err)"
printf 'a vmlinux a 0\na mod a 1\n' >bad.syms
"$KLP_CCP" klp-relocs --symbols=bad.syms all.o 2>err && fail "symbol placed twice accepted"
grep -q "bad.syms:2: symbol 'a' is placed twice" err || fail "message: $(cat err)"
printf 'a my.mod a 0\n' >bad.syms
"$KLP_CCP" klp-relocs --symbols=bad.syms all.o 2>err && fail "object with a dot accepted"
echo 'not elf' >text.ko
"$KLP_CCP" klp-relocs --symbols="$syms" text.ko 2>err && fail "non-ELF accepted"
[ "$(wc -l <err)" = 1 ] && grep -q 'text.ko' err || fail "message: $(cat err)"
[ "$(cat text.ko)" = "not elf" ] || fail "input changed on error"
gcc -o exe.bin -x c - <<<'int main(void){return 0;}' &&
	! "$KLP_CCP" klp-relocs --symbols="$syms" exe.bin 2>err && grep -q 'not a relocatable' err ||
	fail "executable accepted: $(cat err)"
"$KLP_CCP" klp-relocs all.o 2>err && fail "no --symbols accepted"
"$KLP_CCP" klp-relocs --help | grep -q 'Usage: klp-ccp klp-relocs' || fail "--help"
echo PASS
