#!/usr/bin/env bash
# klp-ccp glue on three hand-written reports: two objects (vmlinux, ext4),
# sympos, pointer and plain externalizations, two reports with the same
# source (copies must not clash), relative lp.c paths taken from the report's
# directory. The generated C compiles and links against user-space stubs of
# the kernel headers (tests/glue/stub) without duplicate symbols.
. "$(dirname "$0")/lib.sh"
F=$GLUE_TESTS/fixtures
out=$work/out

cd "$work" || exit 1
"$KLP_CCP" glue -o "$out" --name=multi_lp --replace "$F/a.yaml" "$F/b.yaml" "$F/c.yaml" ||
	fail "glue failed"
for f in livepatch.c lp_fs_ext4_inode.c lp_kernel_fork.c lp_fs_ext4_inode_2.c Kbuild Makefile \
	klp-symbols; do
	[ -f "$out/$f" ] || fail "no $f"
done
[ "$(ls "$out" | wc -l)" -eq 7 ] || fail "unexpected files: $(ls "$out")"
has() {	# FILE FIXED-STRING...
	local f=$1; shift
	for s; do grep -qF -- "$s" "$out/$f" || fail "$f lacks: $s"; done
}
lp=livepatch.c
has $lp '.old_name = "ext4_write_begin",' '.new_func = klpp_ext4_write_begin,' \
	'.old_name = "ext4_da_get_block_prep.isra.0",' '.old_sympos = 2,' \
	'.old_name = "copy_process",' '.new_func = klpp_copy_process,' \
	'.old_name = "ext4_readpage",' '.name = "ext4",' '.replace = true,' \
	'MODULE_INFO(livepatch, "Y");' 'object: null' \
	'.klp.sym.vmlinux.helper_dup,1' '.klp.sym.ext4.ext4_plain_fn,0' \
	'.klp.sym.vmlinux.mark_inode_dirty_x,0' '.klp.sym.ext4.ext4_es_cache,2' \
	'.klp.sym.vmlinux.ext4_es_cache,0'
grep -q 'kallsyms\|kprobe' "$out/$lp" && fail "livepatch.c still resolves at run time"
[ "$(grep -c 'klp.sym.vmlinux.mark_inode_dirty_x' "$out/$lp")" -eq 1 ] || fail "plain symbol listed twice"
# vmlinux first, then ext4; ext4_readpage (object: null) goes to vmlinux
awk '/klp_ccp_objs\[\]/,/^};/' "$out/$lp" | grep -E '\.name|\.funcs' | tr -d '\t' >"$work/objs"
printf '%s\n' '.name = NULL,/* vmlinux (also where a report has object: null) */' \
	'.funcs = klp_ccp_funcs_vmlinux,' '.name = "ext4",' '.funcs = klp_ccp_funcs_ext4,' |
	diff -u - "$work/objs" || fail "klp_objects"
awk '/klp_ccp_funcs_vmlinux\[\] =/,/^};/' "$out/$lp" | grep -q ext4_readpage || fail "null object not vmlinux"
# pointers are initialized with the running symbols' addresses, one name per placement
has lp_fs_ext4_inode.c \
	'__asm__("klpe.ext4.ext4_es_cache.2");' \
	'static __typeof__(klpe_ext4_es_cache) klpe_ext4_es_cache = &klp_ccp_target_klpe_ext4_es_cache;' \
	'__asm__("klpe.vmlinux.jiffies_helper.0");'
has lp_fs_ext4_inode_2.c '__asm__("klpe.vmlinux.ext4_es_cache.0");'
cmp -s "$F/b_lp.c" "$out/lp_kernel_fork.c" || fail "lp_kernel_fork.c is not a plain copy"
head -c "$(stat -c %s "$F/a_lp.c")" "$out/lp_fs_ext4_inode.c" | cmp -s - "$F/a_lp.c" ||
	fail "lp_fs_ext4_inode.c does not start with a_lp.c"
has Kbuild 'obj-m := multi_lp.o' \
	'multi_lp-y := livepatch.o lp_fs_ext4_inode.o lp_kernel_fork.o lp_fs_ext4_inode_2.o' \
	'CFLAGS_lp_fs_ext4_inode.o := -I./fs/ext4 -DEXT4_DEBUG -I./fs/ext4/extra' \
	'KBUILD_EXTRA_SYMBOLS := $(src)/klp-relocs.symvers'
has Makefile 'klp-relocs --symbols=klp-symbols' 'multi_lp.ko'
grep -q KBUILD_MODNAME "$out/Kbuild" && fail "Kbuild passes KBUILD_MODNAME"
grep -v '^#' "$out/klp-symbols" | sort >"$work/syms"
printf '%s\n' 'ext4_plain_fn ext4 ext4_plain_fn 0' 'helper_dup vmlinux helper_dup 1' \
	'klpe.ext4.ext4_es_cache.2 ext4 ext4_es_cache 2' \
	'klpe.vmlinux.ext4_es_cache.0 vmlinux ext4_es_cache 0' \
	'klpe.vmlinux.jiffies_helper.0 vmlinux jiffies_helper 0' \
	'mark_inode_dirty_x vmlinux mark_inode_dirty_x 0' | diff -u - "$work/syms" || fail "klp-symbols"

# Compile everything against the stubs, link, and look for clashes.
for c in "$out"/*.c; do
	gcc -std=gnu11 -Wall -Wextra -Wno-unused-parameter -Werror -fno-common \
		-I"$GLUE_TESTS/stub" -c "$c" -o "${c%.c}.o" 2>"$work/cc.err" ||
		fail "$(basename "$c") does not compile: $(head -5 "$work/cc.err")"
done
ld -r -o "$work/all.o" "$out"/*.o 2>"$work/ld.err" || fail "link: $(head -3 "$work/ld.err")"
nm "$work/all.o" | grep -E ' [TD] ' | awk '{print $3}' | sort | uniq -d | grep . &&
	fail "duplicate definitions"
for s in klpp_ext4_write_begin klpp_ext4_da_get_block_prep klpp_copy_process klpp_ext4_readpage; do
	nm "$work/all.o" | grep -q " T $s\$" || fail "$s not defined"
done

# Load the patch in the stub "kernel", which defines the referenced symbols.
gcc -std=gnu11 -Wall -Werror -I"$GLUE_TESTS/stub" -c "$GLUE_TESTS/stub/fake_kernel.c" \
	-o "$work/fake_kernel.o" || fail "fake_kernel.c"
gcc -o "$work/run" "$work/fake_kernel.o" "$out"/*.o || fail "linking the stub kernel"
"$work/run" >"$work/run.out" || fail "the stub kernel run failed"
diff -u - "$work/run.out" <<'OUT' || fail "behaviour in the stub kernel"
patch vmlinux copy_process,0 new_func=set
patch vmlinux ext4_readpage,0 new_func=set
patch ext4 ext4_write_begin,0 new_func=set
patch ext4 ext4_da_get_block_prep.isra.0,2 new_func=set
init 0
write_begin(1) 112
da_get_block_prep() 42
readpage(1) 1001
copy_process(1) 7
OUT
echo PASS
