# Item 2: a header using an enumerator, a function-like macro and an
# object declared by the .c file before its #include.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
not_defined eu_shared_level
behaves_same pu_f 0 4 9
