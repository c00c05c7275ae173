# Item 1: a header defines a function the .c declared static before the
# #include (so it is internal), and the patched function takes its
# address: it is externalized, the header's definition is not copied or
# included.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
not_includes '"cb.h"'
not_defined eu_cb
behaves_same pu_f 0 3
