# When compiling the original (to learn GCC's eu_calls.N without
# --target-object) fails, the static local is externalized by its C name
# with a warning at its line saying that name binds to nothing, and why.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_count
INPUT_BROKEN=1
lp_contains '^[[:space:]]+extern int eu_calls;'
expect_stderr "^input.c:10:13: warning: static 'eu_calls' of 'pu_count' is externalized by its C name, which binds to nothing: GCC names it eu_calls.N \(compiling input.c failed: "
