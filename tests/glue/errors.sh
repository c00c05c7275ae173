#!/usr/bin/env bash
# Bad or inconsistent input to klp-ccp glue: exit 1, exactly one line
# "FILE:LINE[:COL]: error: ..." (or "klp-ccp: error: ..." without a file),
# and no output directory or temporary file left behind.
. "$(dirname "$0")/lib.sh"
F=$GLUE_TESTS/fixtures
cd "$work" || exit 1
cp "$F/a_lp.c" "$F/b_lp.c" "$F/c_lp.c" .

good() {	# the c.yaml report, with sed expression $1 applied
	sed -e "$1" "$F/c.yaml"
}

expect() {	# NAME REGEX GLUE-ARGS...: glue must fail with one line matching REGEX
	local name=$1 re=$2 rc
	shift 2
	"$KLP_CCP" glue -o "$work/out" "$@" >"$work/stdout" 2>"$work/err"
	rc=$?
	[ $rc -eq 1 ] || fail "$name: exit $rc, want 1: $(cat "$work/err")"
	[ "$(wc -l <"$work/err")" -eq 1 ] || fail "$name: not one line: $(cat "$work/err")"
	grep -Eq -- "$re" "$work/err" || fail "$name: '$(cat "$work/err")' does not match '$re'"
	[ -e "$work/out" ] && fail "$name: output directory left behind"
	echo "ok $name: $(cat "$work/err")"
}

good 's/new_name: klpp_ext4_readpage, //' >missing.yaml
expect missing-key '^missing\.yaml:5:3: error: missing key .new_name. in .patched_functions.$' missing.yaml
good '/^output/d' >missing-top.yaml
expect missing-top-key "^missing-top\.yaml:1:1: error: missing key 'output' in 'report'" missing-top.yaml
good 's/sympos: 0, file/sympos: two, file/' >type.yaml
expect wrong-type-uint "^type\.yaml:5:81: error: 'sympos' must be an unsigned integer, not 'two'" type.yaml
good 's/sympos: 0, file/sympos: [0], file/' >type2.yaml
expect wrong-type-list "^type2\.yaml:5:81: error: 'sympos' must be an unsigned integer, not a list" type2.yaml
good 's/^patched_functions:$/patched_functions: {}/; /^- {old_name/d' >type3.yaml
expect wrong-type-map "^type3\.yaml:4:20: error: 'patched_functions' must be a list of mappings, not a mapping" type3.yaml
good 's/object: null, sympos: 0, file/object: null, sympos: -1, file/' >neg.yaml
expect negative "^neg\.yaml:5:.*: error: 'sympos' must be an unsigned integer" neg.yaml
good 's/sympos: 0, file/sympos: 99999999999999999999999, file/' >big.yaml
expect out-of-range "^big\.yaml:5:.*: error: 'sympos' is out of range" big.yaml
good 's/method: pointer/method: trampoline/' >method.yaml
expect unknown-method "^method\.yaml:7:.*: error: unknown method 'trampoline' \(expected plain or pointer\)" method.yaml
good 's/kind: object/kind: variable/' >kind.yaml
expect unknown-kind "^kind\.yaml:7:.*: error: unknown kind 'variable'" kind.yaml
good 's/new_name: klpp_ext4_readpage/new_name: "klpp_x; int y"/' >ident.yaml
expect not-identifier "^ident\.yaml:5:.*: error: 'new_name' is not a C identifier" ident.yaml
good 's/object: null, sympos: 0, file/object: "a\/b", sympos: 0, file/' >object.yaml
expect bad-object "^object\.yaml:5:.*: error: 'object' is not an object name" object.yaml
good 's/^source: .*/&\nsource: again/' >dupkey.yaml
expect duplicate-key "^dupkey\.yaml:2:1: error: duplicate key 'source' in 'report'" dupkey.yaml
good 's/^output: c_lp.c/output: [c_lp.c/' >syntax.yaml
expect invalid-yaml '^syntax\.yaml:[0-9]+:[0-9]+: error: invalid YAML: ' syntax.yaml
printf -- '- a\n- b\n' >notmap.yaml
expect not-a-mapping "^notmap\.yaml:1:1: error: a report must be a mapping, not a list" notmap.yaml
: >empty.yaml
expect empty "^empty\.yaml:1:1: error: empty report" empty.yaml
{ cat "$F/c.yaml"; echo ---; cat "$F/c.yaml"; } >twodocs.yaml
expect two-documents "^twodocs\.yaml:[0-9]+:[0-9]+: error: more than one YAML document" twodocs.yaml
good 's/^- {old_name.*/[]/; s/^patched_functions:$/patched_functions: []/' | grep -v '^\[\]' >nopatch.yaml
expect no-patched "^nopatch\.yaml:4:20: error: the report patches no function" nopatch.yaml

# Inconsistent reports
sed 's/old_name: ext4_readpage, new_name: klpp_ext4_readpage/old_name: copy_process, new_name: klpp_ext4_readpage/;
     s/object: null, sympos: 0, file/object: vmlinux, sympos: 0, file/' "$F/c.yaml" >dup.yaml
expect duplicate-patched "^dup\.yaml:5:3: error: 'copy_process' \(vmlinux, sympos 0\) is patched twice: already in $F/b\.yaml:5$" \
	"$F/b.yaml" dup.yaml
expect duplicate-patched-same-report "^$F/c\.yaml:5:3: error: 'ext4_readpage' \(vmlinux, sympos 0\) is patched twice: already in $F/c\.yaml:5" \
	"$F/c.yaml" "$F/c.yaml"
sed 's/old_name: ext4_readpage/old_name: other_fn/; s/output: c_lp.c/output: c_lp.c/' "$F/c.yaml" >newdup.yaml
expect duplicate-new-name "^newdup\.yaml:5:3: error: new function name 'klpp_ext4_readpage' is used twice: already in $F/c\.yaml:5" \
	"$F/c.yaml" newdup.yaml
good 's/new_name: klpp_ext4_readpage/new_name: klpp_not_there/' >notinlp.yaml
expect not-in-lp "^notinlp\.yaml:5:3: error: 'klpp_not_there' is not defined in '.*c_lp\.c' \(report and lp\.c disagree\)" notinlp.yaml
good 's/new_name: klpe_ext4_es_cache/new_name: klpe_other/' >ptrnotinlp.yaml
expect pointer-not-in-lp "^ptrnotinlp\.yaml:7:3: error: pointer 'klpe_other' is not declared" ptrnotinlp.yaml
good 's/^output: .*/output: nowhere.c/' >nolp.yaml
expect no-lp "^nolp\.yaml:2:9: error: cannot read the lp\.c it describes, '.*nowhere\.c'" nolp.yaml
sed 's/^int klpp_ext4_readpage/static int klpp_ext4_readpage/' c_lp.c >static_lp.c
good 's/^output: .*/output: static_lp.c/' >static.yaml
expect static-new-function "^static\.yaml:5:3: error: 'klpp_ext4_readpage' is static in '.*static_lp\.c'" static.yaml
sed 's/^static int \*klpe_ext4_es_cache/int *klpe_ext4_es_cache/' c_lp.c >ext1_lp.c
sed 's/klpp_ext4_readpage/klpp_other/' ext1_lp.c >ext2_lp.c
good 's/^output: .*/output: ext1_lp.c/' >ext1.yaml
good 's/^output: .*/output: ext2_lp.c/; s/ext4_readpage/other/g' >ext2.yaml
expect external-pointer-twice "^ext2\.yaml:7:3: error: pointer 'klpe_ext4_es_cache' has external linkage in two lp\.c files: already in ext1\.yaml:7" \
	ext1.yaml ext2.yaml
expect no-report "^klp-ccp: error: cannot read 'absent\.yaml': No such file or directory" absent.yaml
# a.yaml has mark_inode_dirty_x in vmlinux, sympos 0: one module symbol cannot be in two places
sed 's/klpp_copy_process/klpp_other/' b_lp.c >b2_lp.c
sed '/name: helper_dup/,/sympos: 1/s/sympos: 1/sympos: 3/; s/copy_process/other/g; s/^output: .*/output: b2_lp.c/' \
	"$F/b.yaml" >placed.yaml
expect placed-twice "^placed\.yaml:13:3: error: 'helper_dup' is placed in vmlinux \(sympos 3\) here and in vmlinux \(sympos 1\) by another report" \
	"$F/b.yaml" placed.yaml

# Command line
expect no-reports '^klp-ccp: error: glue: no report given'
expect bad-name "^klp-ccp: error: glue: invalid module name 'a-b'" --name=a-b "$F/c.yaml"
"$KLP_CCP" glue "$F/c.yaml" 2>"$work/err" && fail "no -o accepted"
grep -q -- '-o DIR is required' "$work/err" || fail "no -o: $(cat "$work/err")"

# A failing run leaves an existing output directory as it was.
mkdir "$work/keep" && echo old >"$work/keep/livepatch.c"
"$KLP_CCP" glue -o "$work/keep" dup.yaml "$F/b.yaml" 2>/dev/null && fail "dup accepted"
[ "$(ls -A "$work/keep")" = livepatch.c ] && [ "$(cat "$work/keep/livepatch.c")" = old ] ||
	fail "existing directory changed: $(ls -A "$work/keep")"
echo PASS
