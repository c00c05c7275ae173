# A static local whose initializer takes label addresses (&&l) points into
# its own function's code: lp.c keeps its own table in the patched
# function, whatever the policy says of the function's other statics (a
# shared table would jump into the running, old function).
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
lp_contains 'static void \*table\[\] = \{ &&op_add'
behaves_same pu_f 0 1 5 -7
