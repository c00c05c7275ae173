# C semantics: __alignof__ of externalized objects declared with extra
# alignment keeps the original's value.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_align
RUNNING_FLAGS=""
undefined eu_line
undefined eu_words
undefined eu_any
undefined eu_blk
behaves_same pu_align 1 3
