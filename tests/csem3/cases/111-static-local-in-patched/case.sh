# A static local of the patched function stays one object with its
# initializer: copied as it was (toy: not an externalizable name) or
# shared with the running function through a block-scope extern of GCC's
# symbol seen.N (the defaults); a static local of a copied helper stays in
# the helper.
source "$CASE_DIR/../../lib.sh"
csem3_case
PATCHED=pu_f
if defaults_mode; then
	lp_contains '^[[:space:]]+extern int seen_[0-9]+ __asm__\("seen\.[0-9]+"\);'
else
	lp_contains 'static int seen = 100;'
	lp_contains 'static int calls;'
fi
compiles_with -O0
