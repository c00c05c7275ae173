# Item 4: a macro body uses another macro redefined between two copied
# users (late binding: each use sees the UNIT in effect there).
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 1 3
