# A file-scope compound literal behind a static pointer, static const
# tables and a struct pointing into one: the state the patched function
# changes is the running one.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 1 2 4
