# Nested groups in a non-includable header (toy policy), cut by the copied
# range on both levels: the skeleton is balanced and chooses the same branch.
PATCHED=pu_f
defines klpp_pu_f T
if defaults_mode; then
	includes '"gen_internal.h"'
else
	not_includes '"gen_internal.h"'
	lp_contains 'long v = CFG_LEVEL;'
	lp_order 'define CFG_LEVEL 3' 'long v = CFG_LEVEL;'
	preprocesses_with -DCFG_SMALL
	preprocesses_with -DCFG_SMALL -UCFG_LEVEL
fi
