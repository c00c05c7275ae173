# C semantics: _Atomic objects and GCC's <stdatomic.h>: libclang parses the
# unit (GCC's __atomic builtins on _Atomic objects neutralized for clang
# only), lp.c keeps the original spelling and shares the running state.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_step
includes '<stdatomic.h>'
lp_contains 'atomic_fetch_add\(&eu_hits, x\);'
lp_contains '__atomic_add_fetch\(&eu_hits, 1, __ATOMIC_SEQ_CST\);'
lp_lacks '__atomiC_|__c11_atomic'
undefined eu_hits
undefined eu_total
undefined eu_once
undefined eu_last
shares_state pu_step 1 2 3 4 5
