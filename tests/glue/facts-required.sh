#!/usr/bin/env bash
# Object facts are required where klp relocations need them: extracting a
# kernel unit (-D__KERNEL__) that externalizes statics without
# --target-object warns (in the report too); glue refuses such a report
# unless --force; with facts (--target-object) neither happens and the
# static is placed (object, sympos) in klp-symbols. A patched function the
# target lacks is refused as well (--force: a warning).
. "$(dirname "$0")/lib.sh"
cd "$work" || exit 1
cat >u.c <<'C'
static int __attribute__((noinline)) helper(int x) { return x + 1; }
int patched(int x) { return helper(x) * 2; }
int other(int x) { return helper(x); }
C
extract() {	# OUT CFLAGS... [-- KLP-CCP-OPTIONS...]
	local out=$1; shift
	"$KLP_CCP" -o "$out.c" --report="$out.yaml" --patched-functions=patched "${@:2}" \
		-- gcc -O2 $1 -c u.c 2>"$out.err" || fail "klp-ccp $out: $(cat "$out.err")"
}
msg='static function(s)/object(s) externalized without --target-object'
extract k -D__KERNEL__
grep -q "warning: 1 $msg.*: helper" k.err || fail "no warning: $(cat k.err)"
grep -q "$msg" k.yaml || fail "warning not in the report"
grep -q 'linkage: internal' k.yaml || fail "report lacks linkage"
extract user -DUSER
grep -q "$msg" user.err && fail "warning for a user-space unit"
"$KLP_CCP" glue -o mod k.yaml 2>err && fail "glue accepted a static without facts"
grep -q "k.yaml:.*error: static 'helper' is externalized without object facts" err ||
	fail "message: $(cat err)"
[ -e mod ] && fail "glue wrote output"
"$KLP_CCP" glue --force -o mod k.yaml 2>err || fail "glue --force: $(cat err)"
grep -qx 'helper vmlinux helper 0' mod/klp-symbols || fail "--force does not assume vmlinux"

# with facts: a module object holding the static
gcc -O2 -D__KERNEL__ -c u.c -o u.ko || fail "gcc"
extract f -D__KERNEL__ --target-object=u.ko
grep -q "$msg" f.err && fail "warning despite --target-object"
"$KLP_CCP" glue -o modf f.yaml 2>err || fail "glue with facts: $(cat err)"
grep -qx 'helper u helper 1' modf/klp-symbols || fail "klp-symbols: $(cat modf/klp-symbols)"
grep -q '.name = "u",' modf/livepatch.c || fail "no klp_object for u"

# A patched function the target has no symbol of (GCC inlined it into its
# only caller): the report says so, glue refuses (its klp_func could not
# load) unless --force.
cat >t.c <<'C'
static int tiny(int x) { return x * 3 + 1; }
int caller(int x) { return tiny(x) - 2; }
C
gcc -O2 -c t.c -o t.o || fail "gcc t.c"
nm t.o | grep -qw tiny && fail "test bug: gcc kept tiny out of line"
"$KLP_CCP" -o t_lp.c --report=t.yaml --patched-functions=tiny --target-object=t.o \
	-- gcc -O2 -c t.c 2>t.err || fail "klp-ccp t: $(cat t.err)"
grep -q 'in_target: "*false' t.yaml || fail "the report does not say tiny is not in the target"
"$KLP_CCP" glue -o modt t.yaml 2>err && fail "glue accepted a patched function the target lacks"
grep -q "t.yaml:[0-9]*:[0-9]*: error: patched function 'tiny' has no symbol in the target" err ||
	fail "message: $(cat err)"
[ -e modt ] && fail "glue wrote output"
"$KLP_CCP" glue --force -o modt t.yaml 2>err || fail "glue --force: $(cat err)"
grep -q "warning: patched function 'tiny' has no symbol in the target" err ||
	fail "--force without a warning: $(cat err)"
grep -q 'in_target' f.yaml && fail "in_target on a function the target has"
echo PASS
