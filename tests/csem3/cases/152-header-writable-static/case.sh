# C semantics: a header's writable static used by copied code is the
# running unit's (the header is not #included; without --target-object,
# the compiled original shows the unit has it); calls alternating with the
# original share one counter.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_count
not_includes '"state.h"'
lp_contains '^extern int eu_hcount;'
lp_lacks 'eu_hcount = 10'
expect_stderr "state.h:2:12: warning: 'eu_hcount' is a writable static of a header, and the running unit keeps state in it"
undefined eu_hcount
shares_state pu_count 1 2 3 -7
