# Starts in the #elif of an #if/#elif/#else chain: the chain is kept, and
# lp.c preprocesses under every MODE.
PATCHED=pu_f
CFLAGS="$CFLAGS -DMODE=2"
defines klpp_pu_f T
lp_contains 'LEVEL_BASE \+ 2'
lp_count '^#[[:space:]]*if MODE == 1' 1
lp_count '^#[[:space:]]*endif' 1
preprocesses_with -UMODE -DMODE=1
preprocesses_with -UMODE -DMODE=3
