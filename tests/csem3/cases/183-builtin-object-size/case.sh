# C semantics: __builtin_object_size of externalized objects keeps the
# original's values (their declarations keep the bounds).
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_sizes
undefined eu_buf
undefined eu_msg
behaves_same pu_sizes 1 0
