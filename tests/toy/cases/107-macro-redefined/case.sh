# A macro redefined in the file: each copied use must see the definition it
# saw originally (early() returns 1, pu_f uses 4207).
defines early t
lp_contains '#\s*define\s+VAL\s+4207'
lp_contains '#\s*define\s+VAL\s+1\b'
lp_order '#\s*define\s+VAL\s+1\b' 'return VAL;'
lp_order 'return VAL;' '#\s*define\s+VAL\s+4207'
lp_order '#\s*define\s+VAL\s+4207' 'return VAL \+ early\(\);'
# Unused macro, typedef, struct, union, enum, object and functions stay out.
lp_lacks 'decoy|DECOY'
not_referenced decoy_user
