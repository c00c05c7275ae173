# eup_f keeps its name as a pointer, but the included api.h declares eup_f as a
# function: two conflicting declarations. api.h becomes non-eligible: what the
# closure needs from it (a macro, a struct) is copied, the eligible header it
# includes is included by itself, and a warning says why.
not_includes '"api.h"'
includes '"sub.h"'
lp_contains 'define API_BIAS 4230'
lp_contains 'struct api_req \{'
lp_lacks 'int eup_f\(int x\);'
lp_contains 'int \(\*eup_f\)\(int\);'
lp_contains 'return \(\*eup_f\)\(r->v\)'
expect_stderr "eup_f.*api\.h.*not #included"
