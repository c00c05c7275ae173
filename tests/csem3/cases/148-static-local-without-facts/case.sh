# A writable static local that is externalized without --target-object is
# declared by GCC's symbol (eu_steps.N, from compiling the original with its
# command line), never by its C name that binds to nothing; the patched
# function shares the running one's state (calls alternating with the
# original, whose running copy is built with the case's own -O2). A static
# GCC dropped (only written) has no state in the running code: lp.c keeps
# its own.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_steps
RUNNING_FLAGS=""
lp_contains 'extern int eu_steps_[0-9]+ __asm__\("eu_steps\.[0-9]+"\);'
lp_contains 'extern int eu_level_[0-9]+ __asm__\("eu_level\.[0-9]+"\);'
lp_lacks 'extern int eu_steps;'
lp_contains '^[[:space:]]+static int eu_last;'
stderr_lacks 'binds to nothing'
shares_state pu_steps 1 2 -3 4 5 6
