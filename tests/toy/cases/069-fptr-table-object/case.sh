# A function pointer table object is copied; the functions in it are externalized.
lp_contains 'ops\[\]\)\(int\) = \{ eu_op_a, eu_op_b \};'
undefined eu_op_a
undefined eu_op_b
lp_lacks '4169'
