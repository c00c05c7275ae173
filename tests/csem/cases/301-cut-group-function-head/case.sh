# The patched function starts in the #else group and ends after #endif:
# lp.c keeps the #ifdef WIDE skeleton, balanced, and preprocesses with
# -DWIDE as well.
PATCHED=pu_f
defines klpp_pu_f T
lp_count '^#[[:space:]]*ifdef WIDE' 1
lp_count '^#[[:space:]]*endif' 1
lp_contains 'int y = x;'
preprocesses_with -DWIDE
