# An #include in the middle of a copied initializer stays there, once.
PATCHED=pu_f
defines klpp_pu_f T
lp_count '#[[:space:]]*include "vals.def"' 1
lp_order 'tbl\[\] = \{' '#[[:space:]]*include "vals.def"'
