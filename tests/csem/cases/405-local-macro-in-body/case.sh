# A macro defined and #undef'd inside a copied function stays inside it;
# a header after it and the next function see it undefined.
PATCHED=pu_f,pu_g
defines klpp_pu_f T
lp_count 'define TMP_STEP' 1
lp_count 'undef TMP_STEP' 1
lp_order 'define BASE 2' 'define TMP_STEP'
