#!/usr/bin/env bash
# classify.sh KEEP_DIR: a first explanation of each non-identical function of
# a harness run made with --keep KEEP_DIR (or KLP_CCP_KERNEL_KEEP), from the
# call/reference targets of the original and the livepatch code:
#   no-instance: lp.c refers to functions that have no symbol in the target
#       object (inlined everywhere, or only clones): externalized although
#       there is nothing to bind to (extractor fault, see RESULTS.md);
#   inlined:  lp.c calls functions that exist out of line but that GCC
#       inlined into the original (legitimate: externalization of a callee
#       GCC could see);
#   other:    to be read by hand (objdump -dr both objects).
# Needs objdump and nm. CORPUS as for run.sh.
set -u
keep=${1:?usage: classify.sh KEEP_DIR}
CORPUS=${CORPUS:-$HOME/.cache/klp-ccp-corpus}

targets() {
	objdump -dr -j "$2" "$1" 2>/dev/null | grep -oE 'R_X86_64_[A-Z0-9]+[[:space:]]+[^ ]+' |
		awk '{ print $2 }' | sed -E 's/[-+]0x[0-9a-f]+$//; s/^\.text\.//; s/^unlikely\.//; s/^klpp_//' | sort -u
}

for d in "$keep"/*/; do
	d=${d%/}
	[ -e "$d/cmp" ] || continue
	flat=$(basename "$d"); flat=${flat%%-*}
	orig=$keep/$flat.orig.o
	syms=$(nm "$CORPUS/objects/$flat.o" | awk '{ print $NF }')
	grep -v ': identical$' "$d/cmp" | while IFS= read -r line; do
		f=${line%%: *}
		case $f in *.cold) continue ;; esac
		a=$(targets "$orig" ".text.$f")
		b=$(targets "$d/lp.fs.o" ".text.klpp_$f")
		only=$(comm -13 <(echo "$a") <(echo "$b") | grep -v '^\.' | tr '\n' ' ')
		none=
		for s in $only; do
			echo "$syms" | grep -qx -- "$s" || none="$none $s"
		done
		if [ -n "$none" ]; then
			echo "$flat $f: no-instance:$none"
		elif [ -n "${only// /}" ]; then
			echo "$flat $f: inlined: $only"
		else
			echo "$flat $f: other: ${line#*: }"
		fi
	done
done
