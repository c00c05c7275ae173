# C semantics: A constant string table with designated enum indexes.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_name_len
defaults_mode || lp_contains '\[BLUE\] = "blue"'
behaves_same pu_name_len 0 1 2 5
