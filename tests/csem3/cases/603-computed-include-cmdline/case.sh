# Item 6: the computed include's macro comes from the command line (-D),
# another from a function-like macro pasting the name.
source "$CASE_DIR/../../lib.sh"
csem3_case
CFLAGS="$CFLAGS -DCFG_HDR=\"cfg_x.h\""
PATCHED=pu_f
behaves_same pu_f 0 3
