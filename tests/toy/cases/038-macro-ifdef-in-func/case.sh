# A macro tested only by #ifdef inside a copied function is re-emitted, the
# conditional is kept, and the active branch's callee is copied.
lp_contains '^\s*#\s*define\s+FEATURE_X\b'
lp_contains '^\s*#\s*ifdef\s+FEATURE_X'
lp_order 'define\s+FEATURE_X' 'ifdef\s+FEATURE_X'
defines feat_helper t
lp_contains 'return 4138;'
# Unused macro, typedef, struct, union, enum, object and functions stay out.
lp_lacks 'decoy|DECOY'
not_referenced decoy_user
