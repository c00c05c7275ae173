# Macros used by copied types and object initializers are re-emitted before them.
lp_contains '#\s*define\s+NSLOTS\s+4214'
lp_contains '#\s*define\s+INIT_VAL\s+7'
lp_order '#\s*define\s+NSLOTS' 'int slots\[NSLOTS\];'
lp_order '#\s*define\s+INIT_VAL' 'static int start = INIT_VAL;'
# Unused macro, typedef, struct, union, enum, object and functions stay out.
lp_lacks 'decoy|DECOY'
not_referenced decoy_user
