# K&R definitions (patched and copied) and block-scope extern declarations
# of an object and of a function the file defines later.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
not_defined eu_glob_val
behaves_same pu_f 0 4
