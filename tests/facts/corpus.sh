#!/bin/bash
# klp-ccp facts on kernel objects of the corpus (GCC 12, DWARF 5, relocatable
# .o files with .rela.debug_info). Every expectation was checked by hand:
# symbols, bindings and ___ksymtab+NAME sections with readelf -sW/-SW;
# inlining with llvm-dwarfdump (DW_TAG_inlined_subroutine -> the enclosing
# out-of-line DW_TAG_subprogram); callers of clones with objdump -dr (direct
# calls and R_X86_64_PC32 .text+OFFSET relocations from other sections).
# CORPUS: directory of the objects (default ~/.cache/klp-ccp-corpus/objects).
set -u
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
CORPUS=${CORPUS:-/root/.cache/klp-ccp-corpus/objects}
[ -f "$CORPUS/kernel_fork.o" ] || { echo "SKIP: no corpus in $CORPUS"; exit 77; }
workdir

facts() {
	local out=$1
	shift
	"$KLP_CCP" facts "$@" >"$WORK/$out" || fail "klp-ccp facts $*"
}

facts fork.yaml --target-object="$CORPUS/kernel_fork.o" free_task __mmdrop mm_init dup_mm \
	copy_process dup_mmap get_task_mm
Y=$WORK/fork.yaml
# global, EXPORT_SYMBOL (section ___ksymtab+free_task)
expect "$Y" free_task "present: true"
expect "$Y" free_task "binding: global"
expect "$Y" free_task "sympos: 0"
expect "$Y" free_task "exported: true"
expect "$Y" free_task "object: vmlinux"
expect_list "$Y" free_task clones
expect_list "$Y" free_task inlined_into
# EXPORT_SYMBOL_GPL, with a cold part
expect "$Y" __mmdrop "exported: true"
expect_clone "$Y" __mmdrop __mmdrop.cold cold __mmdrop
# only as a clone of a clone, called from two functions
expect "$Y" mm_init "present: false"
expect "$Y" mm_init "binding: null"
expect_clone "$Y" mm_init mm_init.constprop.0.isra.0 isra mm_init.constprop.0
expect_list "$Y" mm_init callers_via_clones copy_process mm_alloc
# static, inlined into its only caller
expect "$Y" dup_mm "present: false"
expect_list "$Y" dup_mm clones
expect_list "$Y" dup_mm inlined_into copy_process
# static functions: sympos 1
expect "$Y" copy_process "binding: local"
expect "$Y" copy_process "sympos: 1"
expect "$Y" copy_process "exported: false"
expect "$Y" dup_mmap "binding: local"
expect_clone "$Y" dup_mmap dup_mmap.cold cold dup_mmap
# exported and also inlined into another function of the unit
expect "$Y" get_task_mm "exported: true"
expect_list "$Y" get_task_mm inlined_into mm_access

facts sched.yaml --target-object="$CORPUS/kernel_sched_core.o" finish_task_switch __sched_fork
Y=$WORK/sched.yaml
expect "$Y" finish_task_switch "present: false"
expect_clone "$Y" finish_task_switch finish_task_switch.isra.0 isra finish_task_switch
expect_list "$Y" finish_task_switch callers_via_clones __schedule schedule_tail
expect_clone "$Y" __sched_fork __sched_fork.constprop.0 constprop __sched_fork
expect_list "$Y" __sched_fork callers_via_clones init_idle sched_fork

# Split (partial inlining): migration_cpu_stop calls update_rq_clock.part.0,
# so it has update_rq_clock's head inlined, though its DWARF lost that
# DW_TAG_inlined_subroutine (its call site is at the function's top level).
facts split.yaml --target-object="$CORPUS/kernel_sched_core.o" update_rq_clock
ok
list_items "$WORK/split.yaml" update_rq_clock inlined_into | grep -qx migration_cpu_stop ||
	fail "facts of update_rq_clock: migration_cpu_stop not among inlined_into"
# ICF twins: GCC folded __ia32_compat_sys_preadv64 into __ia32_sys_preadv and
# inlined that back into it (no DWARF of its own, the same code): do_preadv,
# inlined into __ia32_sys_preadv, is inlined into it too.
facts icf.yaml --target-object="$CORPUS/fs_read_write.o" do_preadv do_pwritev
expect_list "$WORK/icf.yaml" do_preadv inlined_into __ia32_compat_sys_preadv64 \
	__ia32_sys_preadv __x64_sys_preadv
expect_list "$WORK/icf.yaml" do_pwritev inlined_into __ia32_compat_sys_pwritev64 \
	__ia32_sys_pwritev __x64_sys_pwritev

facts slub.yaml --target-object="$CORPUS/mm_slub.o" slab_pad_check
Y=$WORK/slub.yaml
expect "$Y" slab_pad_check "present: false"
expect_clone "$Y" slab_pad_check slab_pad_check.part.0 part slab_pad_check
expect_clone "$Y" slab_pad_check slab_pad_check.part.0.cold cold slab_pad_check.part.0
expect_list "$Y" slab_pad_check inlined_into __free_slab check_slab
expect_list "$Y" slab_pad_check callers_via_clones __free_slab check_slab

facts misc.yaml --target-object="$CORPUS/lib_string.o" --target-object="$CORPUS/lib_vsprintf.o" \
	strcpy memset time64_str
Y=$WORK/misc.yaml
expect "$Y" strcpy "binding: global"
expect "$Y" strcpy "exported: true"
expect "$Y" memset "present: false"
expect "$Y" memset "exported: false"
expect_clone "$Y" time64_str time64_str.isra.0 isra time64_str
expect_list "$Y" time64_str callers_via_clones time_and_date

# All the corpus at once, quickly (the index is built once).
args=()
for o in "$CORPUS"/*.o; do
	args+=("--target-object=$o")
done
start=$(date +%s)
facts all.yaml "${args[@]}" free_task slab_pad_check
ok
[ $(( $(date +%s) - start )) -le 30 ] || fail "facts on the whole corpus took over 30 s"
expect "$WORK/all.yaml" free_task "exported: true"
expect_list "$WORK/all.yaml" slab_pad_check inlined_into __free_slab check_slab

finish
