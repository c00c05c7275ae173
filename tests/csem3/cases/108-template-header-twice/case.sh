# Items 1 and 4: a template header without a guard, read twice under other
# macro definitions, gives two functions from the same text; both are
# copied, each after its own #include's macro state.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 0 3
