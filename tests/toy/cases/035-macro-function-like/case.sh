# A function-like macro is re-emitted with its parameter list.
lp_contains '^\s*#\s*define\s+SQUARE\(v\)\s+\(\(v\) \* \(v\) \+ 4135\)'
lp_contains 'return SQUARE\(x\);'
# Unused macro, typedef, struct, union, enum, object and functions stay out.
lp_lacks 'decoy|DECOY'
not_referenced decoy_user
