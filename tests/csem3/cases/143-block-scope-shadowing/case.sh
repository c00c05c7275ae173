# Block-scope struct, typedef and enumerators shadowing file-scope ones, and
# a parameter shadowing a static object: the inner ones win inside, the
# file-scope struct is still needed outside.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 0 5
