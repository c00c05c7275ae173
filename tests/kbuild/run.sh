#!/usr/bin/env bash
# --kbuild-object=DIR/NAME.o: klp-ccp reads the compile command kbuild wrote
# into DIR/.NAME.o.cmd. Usage: run.sh CASE
set -u
KLP_CCP=${KLP_CCP:?}
case=$1
work=$(mktemp -d "${TMPDIR:-/tmp}/klp-kbuild.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL kbuild/$case: $*"; cat "$work/err" 2>/dev/null; exit 1; }

# A unit whose compile only succeeds with the macros kbuild's quoting and
# make's escapes ($$, $(pound)) give: each _Static_assert checks one.
unit() {
	mkdir -p "$work/tree/sub" && cd "$work/tree" || exit 1
	cat >sub/u.c <<'C'
_Static_assert(sizeof(NAME) == 2 && NAME[0] == 'u', "NAME");
_Static_assert(sizeof(DOLLAR) == 4 && DOLLAR[1] == '$', "DOLLAR");
_Static_assert(sizeof(HASH) == 4 && HASH[1] == '#', "HASH");
_Static_assert(sizeof(SPACE) == 4 && SPACE[1] == ' ', "SPACE");
int f(int x) { return x + 1; }
int g(int x) { return f(x) * 2; }
C
}

# cmd_file KEY: sub/.u.o.cmd as kbuild writes it, the compile followed by objtool
cmd_file() {
	printf '%s := gcc -Wp,-MMD,sub/.u.o.d -O2 -DNAME='\''"u"'\'' -DDOLLAR='\''"a$$b"'\'' -DHASH='\''"a$(pound)b"'\'' -DSPACE="\\"a b\\"" -c -o sub/u.o sub/u.c  ; ./tools/objtool/objtool --orc sub/u.o\n\nsource_sub/u.o := sub/u.c\n\ndeps_sub/u.o := \\\n  sub/u.c \\\n\nsub/u.o: $(deps_sub/u.o)\n' "$1" >sub/.u.o.cmd
}

extract() {	# extract ARGS...: status in rc
	"$KLP_CCP" -o "$work/lp.c" --patched-functions=g "$@" 2>"$work/err"
	rc=$?
}

refused() {	# refused PATTERN: failed with one error line matching PATTERN, no lp.c
	[ $rc = 1 ] || fail "klp-ccp did not fail"
	[ "$(grep -c 'error:' "$work/err")" = 1 ] || fail "not one error line"
	grep -Eq -- "$1" "$work/err" || fail "no error matching '$1'"
	[ -e "$work/lp.c" ] && fail "lp.c was written"
}

extracted() {	# lp.c defines klpp_g and compiles with the same macros
	[ $rc = 0 ] || fail "klp-ccp failed"
	gcc -O2 -DNAME='"u"' -c "$work/lp.c" -o "$work/lp.o" 2>>"$work/err" || fail "lp.c does not compile"
	nm "$work/lp.o" | grep -q ' T klpp_g$' || fail "lp.o does not define klpp_g"
}

corpus() {	# every corpus unit: the argv from its .o.cmd is its JSON argv (same lp.c)
	local C=${CORPUS:-$HOME/.cache/klp-ccp-corpus} n=0 obj flat fn unit
	[ -d "$C/linux" ] && [ -d "$C/cmdlines" ] || { echo "SKIP: no corpus"; exit 77; }
	cd "$C/linux" || exit 1
	for unit in kernel_fork:copy_process mm_mmap:do_mmap fs_namei:getname_flags; do
		flat=${unit%:*} fn=${unit#*:}
		[ -e "$C/cmdlines/$flat.json" ] || continue
		obj=$(python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); print(a[a.index("-o")+1])' "$C/cmdlines/$flat.json")
		"$KLP_CCP" -o "$work/a.c" --patched-functions="$fn" --kbuild-object="$obj" 2>"$work/err" ||
			fail "--kbuild-object=$obj failed"
		"$KLP_CCP" -o "$work/b.c" --patched-functions="$fn" --cmdline-json="$C/cmdlines/$flat.json" 2>"$work/err" ||
			fail "--cmdline-json for $obj failed"
		cmp -s "$work/a.c" "$work/b.c" || fail "$obj: lp.c differs from the JSON argv's"
		n=$((n + 1))
	done
	[ $n -gt 0 ] || { echo "SKIP: no corpus unit"; exit 77; }
}

case $case in
quoting)	unit; cmd_file cmd_sub/u.o; extract --kbuild-object=sub/u.o; extracted ;;
savedcmd)	unit; cmd_file savedcmd_sub/u.o; extract --kbuild-object=sub/u.o; extracted ;;
missing)	unit; extract --kbuild-object=sub/u.o
		refused "^klp-ccp: error: no kbuild command for 'sub/u.o': cannot read 'sub/\.u\.o\.cmd': No such file" ;;
unparseable)	unit; printf 'source_sub/u.o := sub/u.c\n' >sub/.u.o.cmd; extract --kbuild-object=sub/u.o
		refused "^sub/\.u\.o\.cmd:1: error: cannot read kbuild's command line: no 'cmd_\.\.\. := ' line" ;;
expansion)	unit; printf '\ncmd_sub/u.o := gcc -DX=$$(pwd) -c -o sub/u.o sub/u.c\n' >sub/.u.o.cmd
		extract --kbuild-object=sub/u.o
		refused "^sub/\.u\.o\.cmd:2: error: cannot read kbuild's command line: shell syntax other than quoting" ;;
both)		unit; cmd_file cmd_sub/u.o; extract --kbuild-object=sub/u.o -- gcc -c sub/u.c
		refused "error: more than one of --cmdline-json, --kbuild-object and a command line after '--' given" ;;
corpus)		corpus ;;
*)		fail "unknown case" ;;
esac
echo "PASS kbuild/$case"
