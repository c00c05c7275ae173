# #if inside a function's parameter list: kept where it was, not hoisted.
PATCHED=pu_f
defines klpp_pu_f T
lp_order 'int klpp_pu_f\(int a' '^#if EXTRA_ARG'
lp_order 'define EXTRA_ARG 1' 'int klpp_pu_f\(int a'
preprocesses_with -UEXTRA_ARG
