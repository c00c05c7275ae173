# Without facts, the built-in defaults copy a static function the original
# compiled with its command line has no symbol of (GCC inlined it
# everywhere): an extern declaration of it would not link with the running
# code, here the original built with the very same flags (RUNNING_FLAGS="").
# A static GCC kept is still bound to the running one.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_sum
RUNNING_FLAGS=""
if defaults_mode; then
	lp_contains '^static int scale\(int x\)'
	lp_contains '^static inline int twice\(int x\)'
	lp_lacks 'extern int (scale|twice|count)\('
	undefined eu_kept
	undefined eu_state
	lp_contains '^static const int fold_tab\[3\]'
	lp_contains '^static int only_read = 70;'
	lp_contains 'eu_calls_[0-9]+ __asm__\("eu_calls\.[0-9]+"\)'
fi
shares_state pu_sum 1 2 3 4
