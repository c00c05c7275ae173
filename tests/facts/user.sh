#!/bin/bash
# klp-ccp facts on user-space objects built here with gcc -O2 -g (GCC 12):
# inlining (plain, nested, into a clone), .isra/.constprop/.part/.cold clones
# and their callers, a global, a weak function, local objects, sympos of
# duplicate local statics of two linked units, Module.symvers exports; linked
# images with plain and compressed DWARF.
set -u
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
IN=$HERE/inputs
CC=${CC:-gcc}
command -v "$CC" >/dev/null || { echo "SKIP: no $CC"; exit 77; }
workdir
cd "$WORK" || exit 1

$CC -O2 -g -c "$IN/clones.c" -o clones.o || exit 1
$CC -O2 -g -gdwarf-4 -c "$IN/clones.c" -o clones4.o || exit 1
$CC -O2 -g "$IN/clones.c" "$IN/dup_a.c" "$IN/dup_b.c" "$IN/main.c" -o prog || exit 1

NAMES=(inl_helper caller_one nest_inner nest_mid isra_helper cp_helper part_helper
       cold_fn global_var static_var weak_fn no_such_thing)

check_clones_o() {
	local y=$1 obj=$2
	expect "$y" inl_helper "present: false"
	expect "$y" inl_helper "binding: null"
	expect "$y" inl_helper "sympos: 0"
	expect "$y" inl_helper "object: $obj"
	expect_list "$y" inl_helper clones
	expect_list "$y" inl_helper inlined_into caller_one caller_two
	expect_list "$y" inl_helper callers_via_clones
	expect "$y" caller_one "present: true"
	expect "$y" caller_one "binding: global"
	expect "$y" caller_one "exported: false"
	# nested: nest_inner inlined into nest_mid, both inlined into nest_top*;
	# nest_inner also inlined into a clone.
	expect_list "$y" nest_inner inlined_into isra_helper.isra.0 nest_top1 nest_top2
	expect_list "$y" nest_mid inlined_into nest_top1 nest_top2
	expect "$y" isra_helper "present: false"
	expect_clone "$y" isra_helper isra_helper.isra.0 isra isra_helper
	expect_list "$y" isra_helper callers_via_clones use_isra
	expect "$y" cp_helper "present: false"
	expect_clone "$y" cp_helper cp_helper.constprop.0 constprop cp_helper
	expect_list "$y" cp_helper callers_via_clones use_cp1 use_cp2
	expect "$y" part_helper "present: false"
	expect_clone "$y" part_helper part_helper.part.0 part part_helper
	expect_list "$y" part_helper inlined_into use_part1 use_part2
	expect_list "$y" part_helper callers_via_clones use_part1 use_part2
	expect "$y" cold_fn "present: true"
	expect "$y" cold_fn "binding: global"
	expect_clone "$y" cold_fn cold_fn.cold cold cold_fn
	expect_list "$y" cold_fn inlined_into
	expect "$y" global_var "present: true"
	expect "$y" global_var "binding: global"
	expect "$y" static_var "present: true"
	expect "$y" static_var "binding: local"
	expect "$y" static_var "sympos: 1"
	expect "$y" weak_fn "present: true"
	expect "$y" weak_fn "binding: weak"
	expect "$y" weak_fn "sympos: 0"
	expect "$y" no_such_thing "present: false"
	expect_list "$y" no_such_thing clones
	expect_list "$y" no_such_thing inlined_into
}

# The clones really are there (GCC 12 makes them from inputs/clones.c).
for s in isra_helper.isra.0 cp_helper.constprop.0 part_helper.part.0 cold_fn.cold; do
	ok
	readelf -sW clones.o | grep -qw "$s" || fail "gcc did not produce $s"
done

"$KLP_CCP" facts --target-object=clones.o "${NAMES[@]}" >o.yaml || fail "facts clones.o"
check_clones_o o.yaml clones.o
"$KLP_CCP" facts --target-object=clones4.o "${NAMES[@]}" >o4.yaml || fail "facts clones4.o"
check_clones_o o4.yaml clones4.o
"$KLP_CCP" facts --target-object=prog "${NAMES[@]}" >p.yaml || fail "facts prog"
check_clones_o p.yaml prog
# A linked image's DWARF is read from a mapping of the file; compressed
# sections (-gz) go through libdwarf's own reader: the same facts.
$CC -O2 -g -gz "$IN/clones.c" "$IN/dup_a.c" "$IN/dup_b.c" "$IN/main.c" -o progz || exit 1
if readelf -SW progz | grep -q ' \.debug_info .* C '; then
	"$KLP_CCP" facts --target-object=progz "${NAMES[@]}" >pz.yaml || fail "facts progz"
	check_clones_o pz.yaml progz
fi

# Duplicate local statics of two linked units: sympos in symbol-table order.
"$KLP_CCP" facts --target-object=prog dup_helper dup_count dup_a >d.yaml || fail "facts dup"
expect d.yaml dup_helper "binding: local"
expect d.yaml dup_helper "sympos: 1"
expect d.yaml dup_count "sympos: 1"
expect d.yaml dup_a "binding: global"
expect d.yaml dup_a "sympos: 0"
"$KLP_CCP" facts --target-object=prog --source=src/dup_b.c dup_helper dup_count >b.yaml ||
	fail "facts --source"
expect b.yaml dup_helper "sympos: 2"
expect b.yaml dup_count "sympos: 2"
"$KLP_CCP" facts --target-object=prog --source=dup_a.c dup_helper >a.yaml || fail "facts a"
expect a.yaml dup_helper "sympos: 1"

# Module.symvers exports; a shared object's dynamic symbols are exported.
printf '0x12345678\tcaller_one\tvmlinux\tEXPORT_SYMBOL\t\n' >Module.symvers
"$KLP_CCP" facts --target-object=clones.o --symvers=Module.symvers caller_one caller_two \
	>s.yaml || fail "facts --symvers"
expect s.yaml caller_one "exported: true"
expect s.yaml caller_two "exported: false"
$CC -O2 -g -shared -fPIC "$IN/dup_a.c" -o libdup.so || exit 1
"$KLP_CCP" facts --target-object=libdup.so dup_a dup_helper >so.yaml || fail "facts .so"
expect so.yaml dup_a "exported: true"
expect so.yaml dup_a "object: libdup.so"
expect so.yaml dup_helper "exported: false"

# Module object name: .modinfo name= of a .ko, else the file name.
printf 'license=GPL\0name=my_mod\0' >modinfo.bin
objcopy --add-section .modinfo=modinfo.bin clones.o my-mod.ko || exit 1
"$KLP_CCP" facts --target-object=my-mod.ko caller_one >k.yaml || fail "facts .ko"
expect k.yaml caller_one "object: my_mod"
objcopy clones.o other-mod.ko || exit 1
"$KLP_CCP" facts --target-object=other-mod.ko caller_one >k2.yaml || fail "facts .ko 2"
expect k2.yaml caller_one "object: other_mod"
cp clones.o vmlinux
"$KLP_CCP" facts --target-object=vmlinux caller_one >v.yaml || fail "facts vmlinux"
expect v.yaml caller_one "object: vmlinux"

finish
