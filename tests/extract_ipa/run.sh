#!/usr/bin/env bash
# Extraction with --ipa-clones: dumps made here with gcc -O2 -fdump-ipa-clones.
# Usage: run.sh CASE   (inlined | notrace | no-extend | survives | corpus)
set -u
KLP_CCP=${KLP_CCP:?}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/klp-ipa.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL ipa-extract/$case: $*"; [ -f "$work/lp.c" ] && cat -n "$work/lp.c"; cat "$work/err" 2>/dev/null; exit 1; }
case=$1
cd "$work" || exit 1

dump() {	# dump SRC: compile with the dump, in the work dir
	cp "$here/$1" . && gcc -O2 -fdump-ipa-clones -c "$1" || fail "gcc failed"
}

defines() { nm lp.o | grep -Eq " $2 $1\$" || fail "lp.o does not define $1 ($2)"; }
lacks() { nm lp.o | grep -Eq " [TtDdBb] $1\$" && fail "lp.o defines $1"; return 0; }

extract() {	# extract SRC ARGS...
	local src=$1; shift
	"$KLP_CCP" -o lp.c --report=r.yaml "$@" -- gcc -O2 -c "$src" 2>err || fail "klp-ccp failed"
	gcc -O2 -Wall -c lp.c -o lp.o 2>>err || fail "lp.c does not compile"
}

# "F=CONTAINS..." per function added by IPA clones, then "inlined_everywhere=..." (r.yaml)
report_ipa() {
	python3 -c 'import sys, yaml
r = yaml.safe_load(open("r.yaml"))
out = ["%s=%s" % (p["old_name"], ",".join(p["contains"])) for p in r["patched_functions"]
       if p.get("added_by") == "ipa-clones"]
print(" ".join(out + ["inlined_everywhere=" + ",".join(r["inlined_everywhere"])]))'
}

case $case in
inlined)	# helper inlined into both callers and removed: callers patched, helper copied
	dump inlined.c
	extract inlined.c --patched-functions=helper --ipa-clones=inlined.c.000i.ipa-clones
	defines klpp_caller_a T; defines klpp_caller_b T
	grep -q "^static int helper(int x)" lp.c || fail "helper is not copied"
	lacks klpp_helper; lacks unrelated; lacks klpp_unrelated
	grep -q "added_by: ipa-clones" r.yaml || fail "report lacks added_by: ipa-clones"
	# the callers patched because of helper: one note, no warning
	[ "$(grep -c "note: code of patched 'helper' is also in 'caller_a' (inlined.c:[0-9]*), 'caller_b' (inlined.c:[0-9]*) (GCC inlined or cloned it there): patching them too" err)" = 1 ] ||
		fail "not one note naming caller_a and caller_b"
	grep -q "warning:" err && fail "a warning for what klp-ccp does itself"
	grep -q "no body of its own" err || fail "no note about helper's removed body"
	# the report says which code the added callers hold, and that helper is not patched
	report_ipa | grep -qx "caller_a=helper caller_b=helper inlined_everywhere=helper" ||
		fail "report: $(report_ipa)"
	;;
notrace)	# helper's "inline" means notrace: the tool patches its callers itself (a
	# note), no warning telling the user to; without the dump the warning stays
	dump notrace.c
	extract notrace.c --patched-functions=helper --ipa-clones=notrace.c.000i.ipa-clones
	defines klpp_caller_a T; defines klpp_caller_b T; lacks klpp_helper
	grep -q "note: code of patched 'helper' is also in 'caller_a'" err || fail "no note"
	grep -q "warning:" err && fail "a warning for what klp-ccp does itself"
	extract notrace.c --patched-functions=helper
	grep -q "warning: patched function 'helper' is declared inline, which means notrace here: .* patch its callers instead" err ||
		fail "no notrace warning without the clone dump"
	;;
no-extend)	# --no-ipa-extend: only warnings
	dump inlined.c
	extract inlined.c --patched-functions=helper --ipa-clones=. --no-ipa-extend
	lacks klpp_caller_a; lacks klpp_caller_b; defines klpp_helper T
	grep -q "warning: not patching 'caller_a'" err || fail "no warning about caller_a"
	grep -q "patching them too" err && fail "a note says the callers are patched"
	;;
survives)	# the helper keeps its body (address taken) and is inlined into one caller
	dump survives.c
	extract survives.c --patched-functions=helper --ipa-clones=survives.c.000i.ipa-clones
	defines klpp_helper T; defines klpp_caller T
	lacks klpp_other
	report_ipa | grep -qx "caller=helper inlined_everywhere=" || fail "report: $(report_ipa)"
	;;
corpus)	# a kernel helper inlined into syscalls: every container is patched, and
	# the livepatch defines no global symbol of the running kernel
	C=${CORPUS:-$HOME/.cache/klp-ccp-corpus}
	[ -f "$C/cmdlines/fs_namei.json" ] || { echo "SKIP: no corpus"; exit 77; }
	mapfile -t argv < <(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))))' "$C/cmdlines/fs_namei.json")
	lp_argv=()
	for ((i = 0; i < ${#argv[@]}; i++)); do
		case ${argv[i]} in -Wp,*) continue ;; -o) lp_argv+=(-o "$work/lp.o"); i=$((i + 1)); continue ;; esac
		lp_argv+=("${argv[i]}")
	done
	lp_argv[-1]=$work/lp.c
	(cd "$C/linux" && "$KLP_CCP" -o "$work/lp.c" --report="$work/r.yaml" --patched-functions=getname_flags \
		--ipa-clones="$C/ipa-clones/fs_namei.c.000i.ipa-clones" -- "${argv[@]}") 2>err || fail "klp-ccp failed"
	(cd "$C/linux" && "${lp_argv[@]}") 2>>err || fail "lp.c does not compile"
	defines klpp_getname_flags T; defines klpp_getname T; defines klpp___x64_sys_mkdir T
	nm lp.o | grep -E ' T ' | grep -Ev ' T klp[pr]_' && fail "lp.o defines a global symbol of the kernel"
	[ "$(grep -c 'added_by: ipa-clones' r.yaml)" -ge 8 ] || fail "report: fewer than 8 functions added by ipa-clones"
	;;
*)
	fail "unknown case"
	;;
esac
echo "PASS ipa-extract/$case"
