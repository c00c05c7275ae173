# A function-like macro is re-emitted with its parameter list.
lp_contains '^\s*#\s*define\s+SQUARE\(v\)\s+\(\(v\) \* \(v\) \+ 4135\)'
lp_contains 'return SQUARE\(x\);'
