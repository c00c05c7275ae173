# C semantics: function-local thread-local statics share the running state.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_count
RUNNING_FLAGS=""
lp_lacks '\(\*klpe_'
lp_contains 'extern __thread int eu_calls_[0-9]+ __asm__\("eu_calls\.[0-9]+"\);'
shares_state pu_count 1 2 3 4
