# C semantics: header enumerators in case labels, bounds and designators;
# header macros in #if.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_classify
includes '"kinds.h"'
defaults_mode || not_includes '"internal_kinds.h"'
behaves_same pu_classify 0 4 7 16 17 40
