# A recursive patched function, also reached again through a helper that
# calls it (mutual recursion through a copy or the running helper).
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 0 3 6
