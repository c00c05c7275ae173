# Tentative definitions (no initializer) are copied like other object definitions.
lp_contains '^static int tent;'
lp_contains '^int gtent;'
defines tent b
defines gtent B
# Unused macro, typedef, struct, union, enum, object and functions stay out.
lp_lacks 'decoy|DECOY'
not_referenced decoy_user
