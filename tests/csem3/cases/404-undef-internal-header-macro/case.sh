# Item 4: a macro from a refused header is redefined by the .c before an
# included header that expands it: each user sees its own LIMIT.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 5 20 70
