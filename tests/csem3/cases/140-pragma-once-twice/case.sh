# A #pragma once header included again after the file redefined its macro:
# the second #include reads nothing, so ONCE_VAL stays 9.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 0 1
