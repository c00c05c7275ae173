# Designated initializers (in a copied const object and in code) survive.
lp_contains '\.a = 4175,'
lp_contains '\.arr = \{ \[3\] = 9, \[7\] = 1 \},'
lp_contains 'struct cfg c = \{ \.a = i, \.arr\[2\] = 5 \};'
defines defaults r
