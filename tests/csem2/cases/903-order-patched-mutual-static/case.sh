# Item 9: static patched functions made external (as the kernel policy
# does) that call each other, directly and through a macro.
source "$CASE_DIR/../../lib.sh"
PATCHED=pe_a,pe_b
defines klpp_pe_a T
defines klpp_pe_b T
lp_lacks 'static int klpp_'
runs_like_original main.c
