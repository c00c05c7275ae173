# Kernel policy: the answers as shell functions, shared by the per-question
# scripts (one per hook, each runs its function once) and by the policy
# server (policies/kernel/server, which runs them for every question it
# reads). A function prints the hook's output lines and returns 0; a usage
# error goes to standard error with status 2 (a failure of the hook).
# A per-question script sets kp_only to its hook's name: the file returns
# after that hook's function (and what it needs) is defined, so the shell
# parses no more of it than that (a third of a question's instructions went
# into parsing the whole file); can-externalize-fun, the most asked, comes
# early.

# kp_list VAR: kp_v = the space-separated list in $VAR, or in the file named
# by $VAR_FILE (klp-ccp passes lists longer than 64 KiB that way).
kp_list() {
	eval "kp_f=\${${1}_FILE-}"
	if [ -n "$kp_f" ]; then
		kp_v=$(cat "$kp_f")
	else
		eval "kp_v=\${$1-}"
	fi
}

kp_usage() {
	echo "kernel $1: usage: $2" >&2
	return 2
}

# is-patched LIST... NAME: YES when NAME is in one of the comma separated
# LISTs given with the command, e.g. -I 'policies/kernel/is-patched foo,bar baz'
kernel_is_patched() {
	[ $# -ge 2 ] || { kp_usage is-patched "is-patched LIST... NAME (give the list in the -I command)"; return; }
	for kp_name; do :; done	# the last argument
	kp_answer=NO
	while [ $# -gt 1 ]; do
		case ,$1, in
		*,"$kp_name",*) kp_answer=YES ;;
		esac
		shift
	done
	echo "RESULT: $kp_answer"
}
[ "${kp_only-}" != is-patched ] || return 0

# may-include-header HEADER [pre-include]: headers under an include/
# directory (include/..., arch/*/include/..., any .../include/..., which
# covers the compiler's own headers) may be included; headers next to the
# sources (drivers/foo/foo.h) are local and their needed parts are copied.
kernel_may_include_header() {
	if [ $# -lt 1 ] || [ $# -gt 2 ] || { [ $# -eq 2 ] && [ "$2" != pre-include ]; }; then
		kp_usage may-include-header "may-include-header HEADER [pre-include]"
		return
	fi
	case $1 in
	include/* | */include/*) echo 'RESULT: YES' ;;
	*) echo 'RESULT: NO' ;;
	esac
}
[ "${kp_only-}" != may-include-header ] || return 0

# can-externalize-fun NAME [internal|external FILE:LINE]: YES, except for a
# function the binary facts (--target-object) show has no out-of-line
# instance under its own name (inlined everywhere, or only .isra/.constprop/
# .part clones) while its definition is here to copy.
kernel_can_externalize_fun() {
	if [ $# -ne 1 ] && { [ $# -ne 3 ] || { [ "$2" != internal ] && [ "$2" != external ]; }; }; then
		kp_usage can-externalize-fun "can-externalize-fun NAME [internal|external FILE:LINE]"
		return
	fi
	if [ $# -eq 3 ] && [ "${KLP_CCP_SYM_NAME-}" = "$1" ] && [ "${KLP_CCP_SYM_PRESENT-}" = no ] &&
	   [ "${KLP_CCP_SYM_EXPORTED-}" != yes ]; then
		echo 'RESULT: NO'
	else
		echo 'RESULT: YES'
	fi
}
[ "${kp_only-}" != can-externalize-fun ] || return 0

# modify-externalized-sym [--pointer] function|object NAME RETRY: "NAME
# MAKE-EXTERNAL", the default: plain externalization, a klp relocation in the
# module (klp-ccp glue's Makefile runs klp-ccp klp-relocs). With --pointer:
# "klpe_NAME MAKE-INTERNAL MAKE-POINTER" (klpe_NAME<RETRY> when RETRY is not
# 0), a pointer glue initializes with the symbol's address (itself a klp
# relocation).
kernel_modify_externalized_sym() {
	kp_pointer=
	if [ "${1-}" = --pointer ]; then
		kp_pointer=1
		shift
	fi
	if [ $# -ne 3 ] || { [ "$1" != function ] && [ "$1" != object ]; }; then
		kp_usage modify-externalized-sym "modify-externalized-sym [--pointer] function|object NAME RETRY"
		return
	fi
	case $3 in
	'' | *[!0-9]*)
		kp_usage modify-externalized-sym "modify-externalized-sym [--pointer] function|object NAME RETRY"
		return
		;;
	esac
	if [ -z "$kp_pointer" ]; then
		echo "RESULT: $2 MAKE-EXTERNAL"
		return 0
	fi
	kp_new=klpe_$2
	[ "$3" = 0 ] || kp_new=$kp_new$3
	echo "RESULT: $kp_new MAKE-INTERNAL MAKE-POINTER"
}
[ "${kp_only-}" != modify-externalized-sym ] || return 0

# shall-externalize-fun NAME [from-header]: externalize, except functions
# defined in an includable header (static inline helpers), which come with
# the header, and functions the binary facts (--target-object) show inlined
# into a patched or copied function: the original contains their code, so
# the livepatch copies them for GCC to inline them again. Also when GCC
# split the function (a .part clone, the tail of a partial inlining, which
# the caller calls after inlining the head): klp-ccp gives such a copy
# external linkage, so that GCC splits it again. Not when that function
# calls another clone of it (.isra, .constprop): GCC would not repeat that
# for a copy with few callers. And small functions whose code calls none of
# their object's (kernel_ipa_copy).
kernel_shall_externalize_fun() {
	if [ $# -lt 1 ] || [ $# -gt 2 ] || { [ $# -eq 2 ] && [ "$2" != from-header ]; }; then
		kp_usage shall-externalize-fun "shall-externalize-fun NAME [from-header]"
		return
	fi
	if [ $# -eq 2 ]; then
		echo 'RESULT: NO'
		return 0
	fi
	if [ "${KLP_CCP_SYM_NAME-}" = "$1" ] && [ -n "${KLP_CCP_SYM_INLINED_INTO-}${KLP_CCP_SYM_INLINED_INTO_FILE-}" ]; then
		kp_list KLP_CCP_SYM_INLINED_INTO
		kp_inlined=$kp_v
		kp_list KLP_CCP_SYM_CALLERS_VIA_CLONES
		kp_via=$kp_v
		kp_list KLP_CCP_SYM_CLONES
		kp_split=
		case " $kp_v " in *.part.*) kp_split=1 ;; esac
		case " $kp_v " in *.isra.*) kp_split= ;; esac
		kp_list KLP_CCP_PATCHED_FUNCTIONS
		kp_ours=$kp_v
		kp_list KLP_CCP_COPIED_FUNCTIONS
		kp_ours="$kp_ours $kp_v"
		for kp_caller in $kp_inlined; do
			case " $kp_via " in *" $kp_caller "*) [ -n "$kp_split" ] || continue ;; esac
			case " $kp_ours " in
			*" ${kp_caller%%.*} "*)
				echo 'RESULT: NO'
				return 0
				;;
			esac
		done
	fi
	if [ "${KLP_CCP_SYM_NAME-}" = "$1" ] && kernel_ipa_copy "$1"; then
		echo 'RESULT: NO'
		return 0
	fi
	echo 'RESULT: YES'
}

# kernel_ipa_copy NAME: copy a function present under its own name and not
# cloned but for NAME.cold, not declared noinline (KLP_CCP_FUN_NOINLINE:
# kernel code keeps such a function callable by its name for tracing,
# kprobes, error injection, which a copy would bypass) but for
# noinline_for_stack (KLP_CCP_FUN_NOINLINE_FOR_STACK: kept out of line only
# so that its stack frame does not add to its callers', which the copy, out
# of line too, keeps; lib/vsprintf.c's number, pointer), named by lp.c's code
# (KLP_CCP_FUN_NAMED_BY, not only by an included header's, whose inline may
# go unused), whose code with the code of its object's functions it calls,
# transitively (KLP_CCP_SYM_TREE_SIZE), is at most 2048 bytes for a local
# symbol, 512 for a global one not declared __visible (KLP_CCP_FUN_VISIBLE:
# assembly may call it, GCC rejects the attribute on a static copy; a weak
# one may not be the one the kernel runs; a global one is mostly an
# interface, vfs_mkdir, whose larger trees made lp.c much bigger for no
# identical caller): GCC compiled its callers knowing its body (the
# registers it leaves alone, the memory it does not read or write, which
# parameters escape, pure/const), and a copy gives GCC that knowledge
# again; its callees in the object, asked in turn, are copied by the same
# rule. klp-ccp keeps such a copy out of line (noinline) as the target has
# it. The built-in defaults' POLICY_IPA_COPY_MAX, POLICY_IPA_COPY_GLOBAL_MAX.
kernel_ipa_copy() {
	{ [ "${KLP_CCP_FUN_NOINLINE-}" != yes ] || [ "${KLP_CCP_FUN_NOINLINE_FOR_STACK-}" = yes ]; } &&
		[ "${KLP_CCP_FUN_NAMED_BY-}" != header ] &&
		[ "${KLP_CCP_SYM_PRESENT-}" = yes ] || return 1
	case ${KLP_CCP_SYM_BINDING-} in
	local) kp_max=2048 ;;
	global) [ "${KLP_CCP_FUN_VISIBLE-}" = no ] && kp_max=512 || return 1 ;;
	*) return 1 ;;
	esac
	[ "${KLP_CCP_SYM_TREE_SIZE:-0}" -gt 0 ] && [ "${KLP_CCP_SYM_TREE_SIZE:-0}" -le $kp_max ] ||
		return 1
	kp_list KLP_CCP_SYM_CLONES
	for kp_clone in $kp_v; do
		[ "$kp_clone" = "$1.cold:cold" ] || return 1
	done
	return 0
}
[ "${kp_only-}" != shall-externalize-fun ] || return 0

# shall-externalize-obj NAME: YES, the livepatch uses the running kernel's
# state; NO for a read-only function-scope static (a constant table: the copy
# behaves the same, and the running one's symbol is NAME.N, numbered by GCC).
kernel_shall_externalize_obj() {
	[ $# -eq 1 ] || { kp_usage shall-externalize-obj "shall-externalize-obj NAME"; return; }
	if [ "${KLP_CCP_OBJ_SCOPE-}" = function ] && [ "${KLP_CCP_OBJ_READONLY-}" = yes ]; then
		echo 'RESULT: NO'
	else
		echo 'RESULT: YES'
	fi
}
[ "${kp_only-}" != shall-externalize-obj ] || return 0


# kp_renamed HOOK PREFIX NAME RETRY: kp_new = PREFIXNAME[RETRY]
kp_renamed() {
	if [ $# -ne 4 ]; then
		kp_usage "$1" "$1 NAME RETRY"
		return
	fi
	case $4 in
	'' | *[!0-9]*)
		echo "kernel $1: RETRY must be a number" >&2
		return 2
		;;
	esac
	kp_new=$2$3
	[ "$4" = 0 ] || kp_new=$kp_new$4
}

# modify-patched-fun-sym NAME RETRY: klpp_NAME with external linkage
# (klpp_NAME<RETRY> when RETRY is not 0), the name the livepatch module's
# klp_func table refers to. Tracepoint internals (__traceiter_*,
# __probestub_*, trace_event_raw_event_*, perf_trace_*, trace_raw_output_*),
# generated by TRACE_EVENT under CREATE_TRACE_POINTS, are refused: the
# tracepoint machinery calls them through its own tables, and their copies
# would define the tracepoint a second time.
kernel_modify_patched_fun_sym() {
	kp_renamed modify-patched-fun-sym klpp_ "$@" || return
	case $1 in
	__traceiter_* | __probestub_* | trace_event_raw_event_* | perf_trace_* | trace_raw_output_*)
		echo "ERROR: '$1' is tracepoint code generated by TRACE_EVENT (CREATE_TRACE_POINTS): it cannot be livepatched; patch the functions calling trace_*() instead"
		;;
	esac
	echo "RESULT: $kp_new MAKE-EXTERNAL"
}
[ "${kp_only-}" != modify-patched-fun-sym ] || return 0

# rename-rewritten-fun NAME RETRY: klpr_NAME (klpr_NAME<RETRY> when RETRY is
# not 0).
kernel_rename_rewritten_fun() {
	kp_renamed rename-rewritten-fun klpr_ "$@" || return
	echo "RESULT: $kp_new"
}
