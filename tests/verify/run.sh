#!/bin/sh
# klp-ccp verify on user-space C: run.sh KLP_CCP CASE
# unit.c (see its comment) is compiled into the target unit.o (-O2 -g) in a
# temporary directory, functions are extracted from it with the built-in
# default policy (with --target-object, or without it where a callee must be
# externalized), and verify compares lp.c's build with unit.o. Every class
# is produced by a real difference of the two builds.
set -u
klp=$1 case=$2
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/klp-ccp-verify.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; [ ! -f "$tmp/out" ] || sed 's/^/  | /' "$tmp/out"; exit 1; }
cmd="gcc -O2 -g -c -o unit.o unit.c"

cd "$tmp" && cp "$here/unit.c" . && $cmd || fail "cannot compile unit.c"
# Without facts the built-in defaults copy the statics the original compiled
# has no symbol of (inlined everywhere, only clones); the cases below that
# need them externalized, as an author's policy may decide, say so by hook.
printf '#!/bin/sh\necho "RESULT: YES"\n' >yes && chmod +x yes
extern_all="--pol-cmd-can-externalize-fun=$tmp/yes"

# extract OUT.c FUNCTIONS [OPTION...]: lp.c and OUT.yaml from unit.c.
extract() {
	out=$1 fns=$2
	shift 2
	"$klp" -o "$out.c" --report="$out.yaml" --patched-functions="$fns" "$@" -- $cmd \
		>"$tmp/extract.log" 2>&1 || { cat "$tmp/extract.log"; fail "extraction of $fns"; }
}

# expect RC CMD...: run CMD (output in $tmp/out), check its exit status.
expect() {
	want=$1
	shift
	"$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	cat "$tmp/err" >>"$tmp/out"
	[ "$rc" = "$want" ] || fail "'$*' exited $rc, not $want"
}

has() {
	grep -qE "$1" "$tmp/out" || fail "no line matching '$1'"
}

# An error: exit status 1, one line on stderr matching ERE $1, nothing on stdout.
expect_error() {
	re=$1
	shift
	"$@" >"$tmp/stdout" 2>"$tmp/out"
	rc=$?
	[ "$rc" = 1 ] || fail "'$*' exited $rc, not 1"
	[ ! -s "$tmp/stdout" ] || fail "'$*' wrote to stdout"
	[ "$(wc -l <"$tmp/out")" = 1 ] || fail "'$*': not one error line"
	has "$re"
}

case $case in
identical)
	extract lp count_big,use_scale,where --target-object=unit.o
	expect 0 "$klp" verify --target-object=unit.o --report=lp.yaml
	has '^count_big: identical$'
	has '^use_scale: identical$'
	has '^where: identical$'
	has '^verify: 3 functions, 3 identical, 0 differ$'
	# the same without the report: LP.c, the names and the command line given
	expect 0 "$klp" verify --target-object=unit.o \
		--patched-functions=count_big,use_scale=klpp_use_scale lp.c -- $cmd
	has '^use_scale: identical$'
	# with a changed -O, the same lp.c gives other code
	expect 2 "$klp" verify --target-object=unit.o --patched-functions=where lp.c -- \
		gcc -O0 -c -o unit.o unit.c
	has '^where: differs \(code\): '
	;;
differs)
	# the author's edit of the function: code
	extract lp count_big,where --target-object=unit.o
	sed -i 's/counter += triple(a);/counter += triple(a) + 2;/' lp.c
	grep -q 'triple(a) + 2' lp.c || fail "lp.c not edited"
	expect 2 "$klp" verify --target-object=unit.o --report=lp.yaml
	has '^count_big: differs \(code\): '
	has '^where: identical$'
	has '^verify: 2 functions, 1 identical, 1 differs \(code 1\)$'
	;;
inlined)
	# triple() externalized (no facts, a policy allowing it): lp.c calls
	# what the target inlined
	extract lp count_big "$extern_all"
	grep -q '^extern int triple(int);' lp.c && grep -q '^extern void note(int);' lp.c ||
		fail "triple, note not externalized"
	expect 2 "$klp" verify --target-object=unit.o --report=lp.yaml
	has '^count_big: differs \(inlined-differently\): inlined in the target, called in lp.c.s build: note, triple; with their calls sink \(from the inlined code\); the target has no symbol of the static note, triple that lp.c externalizes \(nothing to bind to: copy instead\)$'
	# the reverse: a target built without inlining calls triple(), lp.c's build inlines it
	extract lp2 count_big --target-object=unit.o
	gcc -O2 -g -fno-inline -c -o noinline.o unit.c || fail "cannot compile with -fno-inline"
	expect 2 "$klp" verify --target-object=noinline.o --report=lp2.yaml
	has '^count_big: differs \(inlined-differently\): inlined in lp.c.s build, called in the target: note, triple; with their calls sink \(called by note\)$'
	# without DWARF the report tells triple() was static in the original
	gcc -O2 -c -o nodebug.o unit.c || fail "cannot compile without -g"
	expect 2 "$klp" verify --target-object=nodebug.o --report=lp.yaml
	has '^count_big: differs \(inlined-differently\): .*: note, triple; '
	;;
clone)
	# scale() externalized: lp.c calls scale, the target scale.constprop.N
	extract lp use_scale "$extern_all"
	nm unit.o | grep -q ' t scale\.constprop\.[0-9]*$' || fail "no constprop clone in unit.o"
	expect 2 "$klp" verify --target-object=unit.o --report=lp.yaml
	has '^use_scale: differs \(clone-called\): the target calls scale.constprop.N, lp.c.s build scale$'
	;;
ipa)
	# get() externalized: same calls, but the original knew get's register use
	extract lp use_get --target-object=unit.o
	grep -q '^extern int get(int);' lp.c || fail "get not externalized"
	expect 2 "$klp" verify --target-object=unit.o --report=lp.yaml
	has '^use_get: differs \(ipa-facts\): calls externalized get '
	;;
callers)
	# a static function GCC specialized for its callers' argument values
	# (callers.c); lp.c's global copy has no callers. The original compiled
	# with tell's address escaping builds tell as lp.c's build does: the
	# difference is caller knowledge alone
	cc2="gcc -O2 -g -c -o callers.o callers.c"
	cp "$here/callers.c" . && $cc2 || fail "cannot compile callers.c"
	sed -e 's/^static //' -e 's/ tell(/ klpp_tell(/' callers.c >lp.c
	expect 2 "$klp" verify --target-object=callers.o --patched-functions=tell lp.c -- $cc2
	has "^tell: differs \(caller-knowledge\): the original unit compiled with tell.s address escaping builds it as lp.c.s build does; tell is local in the target, klpp_tell global in lp.c.s build \(GCC knew all the target.s callers: the values they pass\); "
	has '^verify: 1 function, 0 identical, 1 differs \(caller-knowledge 1\)$'
	expect 2 "$klp" verify --format=yaml --target-object=callers.o --patched-functions=tell lp.c -- $cc2
	has '^  caller-knowledge: 1$'
	# the original flags compiling lp.c itself (the command line names no
	# original): lp.c's banner names it
	{ echo '/* klp-ccp 0.1.0: livepatch for callers.c; patched: tell */'; cat lp.c; } >lp2.c
	expect 2 "$klp" verify --target-object=callers.o --patched-functions=tell lp2.c -- \
		gcc -O2 -g -c -o lp2.o lp2.c
	has "^tell: differs \(caller-knowledge\): "
	# without it: no control, the class from the two builds alone
	expect 2 "$klp" verify --target-object=callers.o --patched-functions=tell lp.c -- \
		gcc -O2 -g -c -o lp.o lp.c
	has "^tell: differs \(code\): tell is local in the target, klpp_tell global in lp.c.s build \(GCC knew all the target.s callers: the values they pass\); [^;]*$"
	# lp.c's tell does more than that (another constant): code, and the
	# control says caller knowledge is not all
	sed -e 's/^static //' -e 's/ tell(/ klpp_tell(/' -e 's/ 5, status/ 6, status/' callers.c >lp.c
	expect 2 "$klp" verify --target-object=callers.o --patched-functions=tell lp.c -- $cc2
	has "^tell: differs \(code\): tell is local in the target, klpp_tell global in lp.c.s build .*; not only that: the original unit compiled with tell.s address escaping differs from lp.c.s build too$"
	# a static function whose callers tell GCC nothing (twice): its address
	# escaping builds it as the target has it, so that made no difference
	printf '%s\n' 'extern int g;' \
		'static int __attribute__((noinline)) twice(int x) { return x * 2 + g; }' \
		'int one(int v) { return twice(v); }' 'int two(int v) { return twice(v) + 1; }' >tw.c
	printf '%s\n' 'extern int g;' 'int klpp_twice(int x);' \
		'int klpp_twice(int x) { return x * 3 + g; }' >lp.c
	cc3="gcc -O2 -g -c -o tw.o tw.c"
	$cc3 || fail "cannot compile tw.c"
	expect 2 "$klp" verify --target-object=tw.o --patched-functions=twice lp.c -- $cc3
	has "^twice: differs \(code\): twice is local in the target, klpp_twice global in lp.c.s build .*; but that made no difference: the original unit compiled with twice.s address escaping builds it as the target has it$"
	# both local: no such note
	sed -e 's/\([^a-z_]\)tell(/\1klpp_tell(/g' callers.c >lp.c
	expect 0 "$klp" verify --target-object=callers.o --patched-functions=tell lp.c -- $cc2
	has '^tell: identical$'
	;;
stub)
	# a callee the unit defines in assembly (a static call's trampoline in
	# .static_call.text): GCC knew nothing of its code, so lp.c's
	# declaration of it explains no difference: code, not ipa-facts
	printf '%s\n' '__asm__(".pushsection .static_call.text,\"ax\"\n.globl tramp\n.type tramp,@function\ntramp: ret\n.size tramp,1\n.popsection");' \
		'extern int tramp(int);' 'int use_tramp(int x) { return tramp(x) + 1; }' >stub.c
	printf '%s\n' 'extern int tramp(int);' 'int klpp_use_tramp(int x);' \
		'int klpp_use_tramp(int x) { return tramp(x) + 2; }' >lp.c
	sc="gcc -O2 -g -c -o stub.o stub.c"
	$sc || fail "cannot compile stub.c"
	expect 2 "$klp" verify --target-object=stub.o --patched-functions=use_tramp lp.c -- $sc
	has '^use_tramp: differs \(code\): '
	! grep -q 'calls externalized tramp' "$tmp/out" || fail "tramp named as externalized"
	;;
thunk)
	# a return thunk called in lp.c's build only (thunk.c's tail tail-calls its
	# static get2, the hand-written lp.c cannot): no C call, so the
	# externalized get2 explains the difference, not "code"
	cp "$here/thunk.c" . && printf '%s\n' 'extern int get2(int);' 'int klpp_tail(int x);' \
		'int klpp_tail(int x) { int r = get2(x + 1); __asm__ volatile("" ::: "memory"); return r; }' >lp.c
	tc="gcc -O2 -g -mfunction-return=thunk-extern -c -o thunk.o thunk.c"
	$tc || fail "cannot compile thunk.c"
	objdump -d thunk.o | grep -q 'jmp .*<get2>' || { echo "SKIP: no tail call to get2"; exit 77; }
	expect 2 "$klp" verify --target-object=thunk.o --patched-functions=tail lp.c -- $tc
	has '^tail: differs \(ipa-facts\): calls externalized get2 .*; branch thunks in one build only: __x86_return_thunk \(lp.c.s build\)'
	;;
immediate)
	# a RIP-relative reference followed by an immediate (once.c): the same
	# flag at another offset of its section in lp.c's build is the same
	# reference; the neighbouring flag is not
	oc="gcc -O2 -g -c -o once.o once.c"
	cp "$here/once.c" . && $oc || fail "cannot compile once.c"
	objdump -dr once.o | grep -q 'R_X86_64_PC32	\.data\.once-0x4' ||
		{ echo "SKIP: no section-relative reference with an immediate"; exit 77; }
	decl() { printf 'static char __attribute__((section(".data.once"))) %s;\n' "$@"; }
	body='void klpp_first(int x) { if (x > 100 && !FLAG) { FLAG = 1; report(x); } }'
	{ echo 'void report(int);'; decl done_first; echo "$body" | sed 's/FLAG/done_first/g'; } >lp.c
	expect 0 "$klp" verify --target-object=once.o --patched-functions=first lp.c -- $oc
	has '^first: identical$'
	# done_second at done_first's offset in the target
	{ echo 'void report(int);'; decl done_second pad; echo 'char *use_pad = &pad;'
	  echo "$body" | sed 's/FLAG/done_second/g'; } >lp2.c
	gcc -O2 -c -o lp2.o lp2.c && objdump -dr lp2.o | grep -q 'R_X86_64_PC32	\.data\.once-0x4' ||
		{ echo "SKIP: GCC placed done_second elsewhere"; exit 77; }
	expect 2 "$klp" verify --target-object=once.o --patched-functions=first lp2.c -- $oc
	has '^first: differs \(code\): first: relocation 0 at \+0x[0-9a-f]+ target '
	;;
tailjmp)
	# a tail jump the target's assembler made short (tail.c): the same code
	# as lp.c's long jump with a relocation to the same function; not when
	# lp.c jumps elsewhere
	tc="gcc -O2 -g -c -o tail.o tail.c"
	cp "$here/tail.c" . && $tc || fail "cannot compile tail.c"
	objdump -d tail.o | grep -A3 '<wrap>:' | grep -qE '^ +[0-9a-f]+:	eb [0-9a-f]{2} +	jmp .*<cmp>' ||
		{ echo "SKIP: no short jump from wrap to cmp"; exit 77; }
	proto='int %s(const unsigned char *, const unsigned char *, unsigned long);'
	printf "$proto\n" cmp other >lp.c
	echo 'int klpp_wrap(const unsigned char *a, const unsigned char *b, unsigned long n) { return cmp(a, b, n); }' >>lp.c
	expect 0 "$klp" verify --target-object=tail.o --patched-functions=wrap lp.c -- $tc
	has '^wrap: identical$'
	sed 's/return cmp(/return other(/' lp.c >lp2.c
	expect 2 "$klp" verify --target-object=tail.o --patched-functions=wrap lp2.c -- $tc
	has '^wrap: differs \(code\): .*wrap: size [0-9]+ vs [0-9]+'
	;;
partial)
	# the target inlines slookup's head into slookup_kernel and calls the
	# tail slookup.part.0 (tests/inline/split.c); lp.c's build calls a
	# whole copy: inlined differently (slookup), not a clone called
	sc="gcc -O2 -g -c -o split.o split.c"
	cp "$here/../inline/split.c" . && $sc || fail "cannot compile split.c"
	nm split.o | grep -q ' t slookup\.part\.0$' || { echo "SKIP: slookup not split"; exit 77; }
	sed -n '/^struct req/,/^extern int compute/p' split.c >lp.c
	sed -n '/^static int slookup(/,/^}/p' split.c |
		sed 's/^static int slookup(/static int __attribute__((noinline, noclone)) slookup(/' >>lp.c
	echo 'int klpp_slookup_kernel(struct req *r) { return slookup(r, 0) + 3; }' >>lp.c
	expect 2 "$klp" verify --target-object=split.o --patched-functions=slookup_kernel lp.c -- $sc
	has '^slookup_kernel: differs \(inlined-differently\): inlined in the target, called in lp.c.s build: slookup; .*the target calls slookup\.part\.N, lp.c.s build slookup$'
	;;
alias)
	# work and the static do_work are one code (alias.c) with one
	# __mcount_loc entry: each of them, compared, has it and it points to
	# its own start; an edited body still differs
	ac="gcc -O2 -g -pg -mfentry -mrecord-mcount -c -o alias.o alias.c"
	cp "$here/alias.c" . && $ac || { echo "SKIP: cannot compile alias.c with -mrecord-mcount"; exit 77; }
	readelf -rW alias.o | grep -q 'rela__mcount_loc' || { echo "SKIP: no __mcount_loc"; exit 77; }
	for f in do_work work; do
		echo "int sink(int); int klpp_$f(int x) { return sink(x) + 1; }" >lp.c
		expect 0 "$klp" verify --target-object=alias.o --patched-functions=$f lp.c -- $ac
		has "^$f: identical\$"
	done
	sed 's/+ 1;/+ 2;/' lp.c >lp2.c
	expect 2 "$klp" verify --target-object=alias.o --patched-functions=work lp2.c -- $ac
	has '^work: differs \(code\): '
	;;
table)
	# hook is in tables of the target (a PCI-fixup-like .long hook - . and a
	# pointer): table entries pointing at a function, which lp.c must not
	# register again, are not its code (its __mcount_loc entry, also at its
	# first byte, is); an edited body still differs
	tc="gcc -O2 -g -pg -mfentry -mrecord-mcount -c -o table.o table.c"
	printf '%s\n' 'int sink(int);' 'int hook(int x) { return sink(x) + 1; }' \
		'__asm__(".pushsection .pci_fixup_header,\"a\"\n.long hook - .\n.popsection");' \
		'__asm__(".pushsection .fixup_ptrs,\"aw\"\n.quad hook\n.popsection");' >table.c
	$tc || { echo "SKIP: cannot compile table.c with -mrecord-mcount"; exit 77; }
	readelf -rW table.o | grep -q 'rela.pci_fixup_header' || fail "no relocation in .pci_fixup_header"
	echo 'int sink(int); int klpp_hook(int x) { return sink(x) + 1; }' >lp.c
	expect 0 "$klp" verify --target-object=table.o --patched-functions=hook lp.c -- $tc
	has '^hook: identical$'
	sed 's/+ 1;/+ 2;/' lp.c >lp2.c
	expect 2 "$klp" verify --target-object=table.o --patched-functions=hook lp2.c -- $tc
	has '^hook: differs \(code\): '
	;;
shared)
	# init's empty key shares its place in .bss with tab (empty.c); the
	# section-relative reference designates both: lp.c's key is the same
	# reference, a reference to the place after it is not
	ec="gcc -O2 -g -c -o empty.o empty.c"
	cp "$here/empty.c" . && $ec || fail "cannot compile empty.c"
	readelf -sW empty.o | grep -qE '^ +[0-9]+: 0+ +0 OBJECT .* key\.[0-9]+$' ||
		{ echo "SKIP: key not at the start of .bss"; exit 77; }
	proto='struct empty {}; void use_key(struct empty *);'
	echo "$proto void klpp_init(void) { static struct empty key; use_key(&key); }" >lp.c
	expect 0 "$klp" verify --target-object=empty.o --patched-functions=init lp.c -- $ec
	has '^init: identical$'
	echo "$proto static int tab[4]; int *r(void) { return tab; }" \
		"void klpp_init(void) { use_key((void *)&tab[1]); }" >lp2.c
	expect 2 "$klp" verify --target-object=empty.o --patched-functions=init lp2.c -- $ec
	has '^init: differs \(code\): init: relocation 0 at \+0x[0-9a-f]+ target '
	;;
funcname)
	# __func__ of the renamed function: "who" in lp.c's build (the literal
	# lp.c defines) and in the target (GCC's __func__.N) are the same bytes;
	# a build where __func__ says "klpp_who" differs
	fc="gcc -O2 -g -c -o funcname.o funcname.c"
	cp "$here/funcname.c" . && $fc || fail "cannot compile funcname.c"
	"$klp" -o lp.c --patched-functions=who -- $fc >"$tmp/extract.log" 2>&1 ||
		{ cat "$tmp/extract.log"; fail "extraction of who"; }
	expect 0 "$klp" verify --target-object=funcname.o --patched-functions=who lp.c -- $fc
	has '^who: identical$'
	sed 's/\bwho\b/klpp_who/' funcname.c >renamed.c
	expect 2 "$klp" verify --target-object=funcname.o --patched-functions=who renamed.c -- $fc
	has '^who: differs'
	;;
line)
	# lp.c extracted from a copy where where() is one line lower: __LINE__ differs
	mkdir moved && sed 's|^int where(int a)$|/* one line more */\n&|' unit.c >moved/unit.c
	(cd moved && "$klp" -o lp.c --patched-functions=where -- $cmd) >/dev/null 2>&1 ||
		fail "extraction from the moved copy"
	grep -q '^#line 65 ' moved/lp.c || fail "where() did not move"
	(cd moved && expect 2 "$klp" verify --target-object=../unit.o \
		--patched-functions=where lp.c -- $cmd)
	has '^where: differs \(line-only\): where: line numbers shifted by \+1$'
	;;
missing)
	extract lp count_big --target-object=unit.o
	expect 2 "$klp" verify --target-object=unit.o \
		--patched-functions=count_big,nosuch,where=klpp_where lp.c -- $cmd
	has '^count_big: identical$'
	has '^nosuch: differs \(missing\): nosuch is not a function of the target$'
	has "^where: differs \(missing\): klpp_where is not a function of lp.c's build$"
	has '^verify: 3 functions, 1 identical, 2 differ \(missing 2\)$'
	# a function the target has only as a clone
	expect 2 "$klp" verify --target-object=unit.o --patched-functions=scale lp.c -- $cmd
	has '^scale: differs \(missing\): scale is not a function of the target \(only its clones: scale\.constprop\.[0-9]+\)$'
	;;
yaml)
	extract lp count_big,use_scale,use_get,where "$extern_all"
	expect 2 "$klp" verify --target-object=unit.o --report=lp.yaml --format=yaml
	python3 - "$tmp/out" <<'EOF' || fail "YAML output"
import sys, yaml
d = yaml.safe_load(open(sys.argv[1]))
f = {x["name"]: x for x in d["functions"]}
assert list(f) == ["count_big", "use_scale", "use_get", "where"], list(f)
assert f["count_big"]["class"] == "inlined-differently", f["count_big"]
assert f["count_big"]["callees"] == ["note", "triple"], f["count_big"]
assert f["count_big"]["lp_name"] == "klpp_count_big"
assert f["use_scale"]["class"] == "clone-called" and f["use_scale"]["status"] == "differs"
assert f["use_get"]["class"] == "ipa-facts" and f["use_get"]["callees"] == ["get"]
w = f["where"]
assert w["status"] == "identical" and w["class"] is None and w["detail"] is None, w
assert w["callees"] == []
t = d["totals"]
assert (t["functions"], t["identical"], t["differs"]) == (4, 1, 3), t
assert (t["inlined-differently"], t["clone-called"], t["ipa-facts"], t["code"]) == (1, 1, 1, 0), t
EOF
	;;
errors)
	extract lp count_big --target-object=unit.o
	mkdir scratch
	export TMPDIR=$tmp/scratch
	expect_error 'nope\.o: No such file' "$klp" verify --target-object=nope.o --report=lp.yaml
	printf "int main(void) { return 0; }\n" >main.c && gcc -o prog main.c || fail "cannot link"
	expect_error "prog: not a relocatable object" "$klp" verify --target-object=prog --report=lp.yaml
	printf 'source: [\n' >bad.yaml
	expect_error '^bad\.yaml:[0-9]+:[0-9]+: error: ' "$klp" verify --target-object=unit.o --report=bad.yaml
	printf 'int klpp_count_big(int a) { return a +; }\n' >broken.c
	expect_error "error: verify: compiling broken\.c with the original command line failed: broken\.c:1:.*error" \
		"$klp" verify --target-object=unit.o --patched-functions=count_big broken.c -- $cmd
	expect_error 'no --target-object' "$klp" verify --report=lp.yaml
	expect_error 'no original command line' "$klp" verify --target-object=unit.o --patched-functions=count_big lp.c
	expect_error 'no functions to compare' "$klp" verify --target-object=unit.o lp.c -- $cmd
	expect_error 'missing\.c: No such file' "$klp" verify --target-object=unit.o --report=lp.yaml missing.c
	expect_error "invalid format 'json'" "$klp" verify --format=json --target-object=unit.o --report=lp.yaml
	expect_error "invalid function 'a b'" "$klp" verify --patched-functions='a b' --target-object=unit.o --report=lp.yaml
	[ -z "$(ls scratch)" ] || fail "scratch directories left: $(ls scratch)"
	# --keep: the object and GCC's messages stay
	expect 0 "$klp" verify --keep=kept --target-object=unit.o --report=lp.yaml
	[ -f kept/lp.o ] && [ -f kept/compile.log ] || fail "--keep kept nothing"
	;;
*)
	fail "unknown case $case"
	;;
esac
echo "PASS verify/$case"
