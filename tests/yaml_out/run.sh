#!/usr/bin/env bash
# Every YAML writer goes through yaml_out: names that are not valid UTF-8
# (libyaml's emitter loops on them) come out escaped reversibly (U+10FF00 +
# byte, yaml_out.h), and names YAML would
# read as another type are quoted. Usage: run.sh KLP_CCP CASE
# (CASE: ipa-clones, changed-functions; facts is tested in tests/facts).
set -u
klp=$1 case=$2
command -v gcc >/dev/null || { echo "SKIP: no gcc"; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/klp-ccp-yaml.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
fail() {
	echo "FAIL: $*"
	cat out
	exit 1
}

# obj N: two functions, one named "\377\376q" and one "null", returning N.
obj() {
	local f
	for f in $'"\377\376q"' null; do
		printf '.section .text.%s,"ax"\n.globl %s\n.type %s,@function\n' \
			"${#f}" "$f" "$f"
		printf '%s: mov $%s, %%eax\nret\n.size %s, .-%s\n' "$f" "$1" "$f" "$f"
	done >"o$1.s"
	gcc -c "o$1.s" -o "o$1.o" || fail "cannot assemble"
}

# run CMD...: within 20 s (an emitter looping on a bad name never ends).
run() {
	timeout 20 "$klp" "$@" >out 2>&1
	rc=$?
	[ $rc = 0 ] || fail "'$*' exited $rc"
}

case $case in
ipa-clones)
	printf 'Callgraph clone;f\377oo;1;a\376.c;10;1;bar;2;a\376.c;20;1;inlining to\n' >d.ipa-clones
	printf 'Callgraph removal;f\377oo;1;a\376.c;10;1\n' >>d.ipa-clones
	run ipa-clones --symbol=$'f\377oo' d.ipa-clones
	# bytes that are not UTF-8: U+10FF00 + byte, which the report reader maps back
	grep -qxF -- '- symbol: "f\U0010FFFFoo"' out && grep -qxF '    file: "a\U0010FFFE.c"' out ||
		fail "names not escaped"
	;;
changed-functions)
	obj 1
	obj 2
	run changed-functions o1.o o2.o
	grep -qx -- '- name: ??q' out || fail "names not sanitized"	# objcmp's own '?'s
	grep -qx -- '- name: "null"' out && grep -qx '  symbols: \["null"\]' out ||
		fail "the name null is not quoted"
	;;
*)
	echo "unknown case $case"
	exit 2
	;;
esac
echo "ok: $case"
