# C semantics: a function-like macro named like an object/function used
# without parentheses (the object, the address) and with (the macro).
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
undefined eu_cube
behaves_same pu_f 1 2 3
