# Macros named like the function and the object they wrap (self-reference
# stops the expansion; a parenthesized name escapes the function-like one).
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 1 5
