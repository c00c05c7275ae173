# An asm statement names a static function by its symbol: lp.o must reach
# a function of that name (a copy or the running one).
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
behaves_same pu_f 0 1
