# Item 8 limits: a statement-expression macro's __typeof__(a) _a = (a)
# evaluates a (the initializer, not the typeof); typeof of a VLA type
# evaluates its bound.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 1 5
