# A GNU nested function inside the patched function: libclang cannot parse
# it, so klp-ccp stops with one clear error and writes nothing (a known
# limit, README "What lp.c contains").
source "$CASE_DIR/../../lib.sh"
PATCHED=pu_f
EXPECT_FAIL=1
expect_stderr 'input.c:7:[0-9]+: error: function definition is not allowed here'
expect_stderr 'parse error'
