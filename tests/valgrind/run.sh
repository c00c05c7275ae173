#!/bin/bash
# Representative klp-ccp runs under valgrind (memcheck): no memory error and
# no definite leak, on the success and the failure path.
#
# Usage: tests/valgrind/run.sh CASE | --list     (exit 0 pass, 1 fail, 77 skip)
#   toy-pointer      toy case 012 (pointer externalization) with every toy
#                    hook and --report
#   toy-macro-ipa    toy case 117 (patched function made by a macro) with the
#                    toy hooks, --report and --ipa-clones (GCC's dump of it)
#   toy-hook-fails   toy case 091 (a hook exits 1): the error path
#   corpus-strscpy   kernel corpus lib/string.c, strscpy (skipped without the
#                    corpus; about 30 s)
# Environment: KLP_CCP (default <repo>/build/klp-ccp), KLP_CCP_POLICIES,
# CORPUS (default ~/.cache/klp-ccp-corpus), VALGRIND (default valgrind).
# libclang's own never-freed state is suppressed: see libclang.supp.
set -u
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
KLP_CCP=${KLP_CCP:-$REPO/build/klp-ccp}
case $KLP_CCP in /*) ;; */*) KLP_CCP=$PWD/$KLP_CCP ;; esac	# the cases cd
POL=${KLP_CCP_POLICIES:-$REPO/policies/toy}
CORPUS=${CORPUS:-$HOME/.cache/klp-ccp-corpus}
VALGRIND=${VALGRIND:-valgrind}
CASE=${1:-}

case $CASE in
--list) printf '%s\n' toy-pointer toy-macro-ipa toy-hook-fails corpus-strscpy; exit 0 ;;
toy-pointer | toy-macro-ipa | toy-hook-fails | corpus-strscpy) ;;
*) echo "usage: $0 CASE | --list" >&2; exit 2 ;;
esac
command -v "$VALGRIND" >/dev/null || { echo "SKIP valgrind/$CASE: no valgrind"; exit 77; }
[ -x "$KLP_CCP" ] || { echo "FAIL valgrind/$CASE: $KLP_CCP not found"; exit 1; }
if ldd "$KLP_CCP" 2>/dev/null | grep -q 'lib[at]san'; then
	echo "SKIP valgrind/$CASE: $KLP_CCP is a sanitizer build"
	exit 77
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/klp-valgrind-$CASE.XXXXXX")
fail() {
	echo "FAIL valgrind/$CASE: $*"
	echo "---- work dir: $WORK; valgrind log ($WORK/vg.log), head:"
	grep -E '^==[0-9]+== ' "$WORK/vg.log" | grep -vE '^==[0-9]+== (Memcheck|Copyright|Using Valgrind|Command|$)' | head -n 60
	exit 1
}

toy_hooks=(-I "$POL/is-patched" -H "$POL/may-include-header" -F "$POL/can-externalize-fun"
	   -S "$POL/shall-externalize-fun" -O "$POL/shall-externalize-obj"
	   -E "$POL/modify-externalized-sym" -P "$POL/modify-patched-fun-sym"
	   -R "$POL/rename-rewritten-fun")
expect=0
case $CASE in
toy-pointer)
	cp -a "$REPO/tests/toy/cases/012-ext-fun-ptr-s-renamed/." "$WORK/"
	dir=$WORK
	args=(-o lp.c --report=r.yaml "${toy_hooks[@]}" -- gcc -std=gnu11 -O2 -c input.c)
	;;
toy-macro-ipa)
	cp -a "$REPO/tests/toy/cases/117-patched-fun-from-macro/." "$WORK/"
	dir=$WORK
	(cd "$WORK" && mkdir ipa && gcc -std=gnu11 -O2 -fdump-ipa-clones -dumpdir ipa/ -c input.c -o ipa/input.o) ||
		fail "gcc -fdump-ipa-clones failed"
	args=(-o lp.c --report=r.yaml --ipa-clones=ipa "${toy_hooks[@]}" -- gcc -std=gnu11 -O2 -c input.c)
	;;
toy-hook-fails)
	cp -a "$REPO/tests/toy/cases/091-err-hook-exit1/." "$WORK/"
	dir=$WORK
	hooks=("${toy_hooks[@]}")
	hooks[1]="sh ./hook.sh"
	args=(-o lp.c --report=r.yaml "${hooks[@]}" -- gcc -std=gnu11 -O2 -c input.c)
	expect=1
	;;
corpus-strscpy)
	json=$CORPUS/cmdlines/lib_string.json
	[ -f "$json" ] && [ -d "$CORPUS/linux" ] || { rm -rf "$WORK"; echo "SKIP valgrind/$CASE: no corpus at $CORPUS"; exit 77; }
	mapfile -t argv < <(python3 -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))))' "$json")
	dir=$CORPUS/linux
	args=(-o "$WORK/lp.c" --report="$WORK/r.yaml" --patched-functions=strscpy -- "${argv[@]}")
	;;
esac

(cd "$dir" && "$VALGRIND" --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
	--show-leak-kinds=definite --num-callers=40 --track-fds=no \
	--suppressions="$HERE/libclang.supp" --log-file="$WORK/vg.log" \
	"$KLP_CCP" "${args[@]}" </dev/null >"$WORK/out" 2>"$WORK/err")
rc=$?
[ $rc -ne 99 ] || fail "valgrind found errors or definite leaks"
[ $rc -eq "$expect" ] || fail "klp-ccp exited with $rc, expected $expect; stderr: $(head -n 3 "$WORK/err")"
grep -q 'ERROR SUMMARY: 0 errors' "$WORK/vg.log" || fail "valgrind reported errors"
grep -Eq 'definitely lost: [1-9]' "$WORK/vg.log" && fail "definite leaks"
if [ "$expect" = 0 ]; then
	lp=$WORK/lp.c
	[ -s "$lp" ] && [ -s "$WORK/r.yaml" ] || fail "lp.c or the report missing"
else
	[ ! -e "$WORK/lp.c" ] || fail "lp.c written by a failing run"
fi
summary=$(grep -E 'ERROR SUMMARY|definitely lost|possibly lost|suppressed:' "$WORK/vg.log" |
	  sed 's/^==[0-9]*== *//' | tr '\n' ';')
rm -rf "$WORK"
echo "PASS valgrind/$CASE: $summary"
