#!/bin/sh
# Malformed dumps: each error class gives one "FILE:LINE: error: ..." line
# and exit status 1, never a crash.
#   malformed.sh TOOL CASE
# TOOL is klp-ccp (or tests' ipa_tool): it is run as "TOOL ipa-clones".

tool=$1
case=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dump=$tmp/$case.c.000i.ipa-clones
ok='Callgraph clone;a;1;t.c;1;5;b;2;t.c;9;5;inlining to\n'

# write FORMAT: the dump (printf format), then the expected error (ERE, after "DUMP:").
write() {
	printf "$1" >"$dump"
}

expect_line=
expect_msg=
case $case in
unknown_record)
	write "${ok}Callgraph klone;a;1;t.c;1;5\n"
	expect_line=2 expect_msg="unknown record 'Callgraph klone' \(expected 'Callgraph clone' or 'Callgraph removal'\)" ;;
garbage)
	write "${ok}${ok}hello world\n"
	expect_line=3 expect_msg="unknown record 'hello world'" ;;
clone_fields)
	write 'Callgraph clone;a;1;t.c;1;5;b;2;t.c;9;inlining to\n'
	expect_line=1 expect_msg="'Callgraph clone' line with fewer fields, expected 12" ;;
clone_many_fields)
	write "${ok}Callgraph clone;a;1;t.c;1;5;b;2;t.c;9;5;inlining to;x\n"
	expect_line=2 expect_msg="'Callgraph clone' line with more fields, expected 12" ;;
removal_fields)
	write "${ok}Callgraph removal;a;1;t.c;1;5;7\n"
	expect_line=2 expect_msg="'Callgraph removal' line with more fields, expected 6" ;;
truncated)
	write "${ok}Callgraph clone;a;1;t.c"
	expect_line=2 expect_msg="'Callgraph clone' line with fewer fields, expected 12" ;;
bad_order)
	write "${ok}Callgraph clone;a;x1;t.c;1;5;b;2;t.c;9;5;inlining to\n"
	expect_line=2 expect_msg="invalid order 'x1' \(a non-negative integer expected\)" ;;
negative_order)
	write "${ok}Callgraph removal;a;-1;t.c;1;5\n"
	expect_line=2 expect_msg="invalid order '-1'" ;;
huge_order)
	write "Callgraph clone;a;1;t.c;1;5;b;99999999999999999999;t.c;9;5;isra\n"
	expect_line=1 expect_msg="invalid order '99999999999999999999'" ;;
bad_line)
	write "${ok}${ok}Callgraph clone;a;1;t.c;1x;5;b;2;t.c;9;5;inlining to\n"
	expect_line=3 expect_msg="invalid line number '1x'" ;;
bad_column)
	write "Callgraph removal;a;1;t.c;1;\n"
	expect_line=1 expect_msg="invalid column number ''" ;;
empty_name)
	write "${ok}Callgraph clone;;1;t.c;1;5;b;2;t.c;9;5;inlining to\n"
	expect_line=2 expect_msg="invalid function name ''" ;;
space_in_name)
	write "${ok}Callgraph clone;a;1;t.c;1;5;b c;2;t.c;9;5;constprop\n"
	expect_line=2 expect_msg="invalid function name 'b c'" ;;
bad_reason)
	write "${ok}Callgraph clone;a;1;t.c;1;5;b;2;t.c;9;5;inlining into\n"
	expect_line=2 expect_msg="invalid clone reason 'inlining into'" ;;
empty_reason)
	write "Callgraph clone;a;1;t.c;1;5;b;2;t.c;9;5;\n"
	expect_line=1 expect_msg="invalid clone reason ''" ;;
renaming_null_reason)
	write "${ok}Callgraph clone;a;1;t.c;1;5;b;2;t.c;1;5;(null)\n"
	expect_line=2 expect_msg="clone 'b' has no reason \\(\"\\(null\\)\"\\) but a name of its own" ;;
control_char)
	write "${ok}Callgraph clone;a;1;t\001.c;1;5;b;2;t.c;9;5;isra\n"
	expect_line=2 expect_msg="invalid file name 't\?\.c'" ;;
nul_byte)
	write "${ok}Callgraph clone;a;1;t.c;1;5;b;2\000;t.c;9;5;isra\n"
	expect_line=2 expect_msg="NUL byte in line" ;;
*)
	echo "unknown case $case" >&2
	exit 2 ;;
esac

"$tool" ipa-clones --symbol=a "$dump" >"$tmp/out" 2>"$tmp/err"
rc=$?
cat "$tmp/err"
if [ $rc -ne 1 ]; then
	echo "FAIL: exit status $rc, expected 1"
	exit 1
fi
if [ -s "$tmp/out" ]; then
	echo "FAIL: output on standard output:"
	cat "$tmp/out"
	exit 1
fi
if [ "$(wc -l <"$tmp/err")" -ne 1 ]; then
	echo "FAIL: expected exactly one line on standard error"
	exit 1
fi
if ! grep -Eq "^$dump:$expect_line: error: $expect_msg" "$tmp/err"; then
	echo "FAIL: expected \"$dump:$expect_line: error: $expect_msg\""
	exit 1
fi
exit 0
