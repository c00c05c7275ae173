# Helpers are copied recursively, with the static object the last one needs.
defines klpp_pu_f T
defines h1 t
defines h2 t
defines h3 t
defines depth_obj d
lp_contains 'static int depth_obj = 4102;'
lp_order 'static int depth_obj' 'return x \+ depth_obj'
# Unused macro, typedef, struct, union, enum, object and functions stay out.
lp_lacks 'decoy|DECOY'
not_referenced decoy_user
