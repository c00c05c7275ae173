# The copied struct's range opens #ifdef EXTRA and ends inside its #else
# group: lp.c closes the group after it (one #if, one #endif, in order).
PATCHED=pu_f
defines klpp_pu_f T
lp_contains 'long b; \};'
lp_count '^#[[:space:]]*ifdef EXTRA' 1
lp_count '^#[[:space:]]*endif' 1
lp_order 'long b; \};' '^#[[:space:]]*endif'
lp_lacks 'OTHER'
preprocesses_with -DEXTRA
