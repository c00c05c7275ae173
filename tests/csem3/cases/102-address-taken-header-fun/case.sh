# Item 1: a function a header defines whose address the patched function
# takes is externalized, never redefined (&f must compare equal).
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
not_includes '"ops.h"'
undefined eu_op_double
undefined eu_op_ref
behaves_same pu_f 0 7
