# C semantics: A constant table of function pointers with designated initializers and a range.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_apply
if ! defaults_mode; then
	lp_contains '\[OP_MAX \.\.\. OP_MAX \+ 1\] = eu_op_add'
	undefined eu_op_add
fi
behaves_same pu_apply 0 5 -2
