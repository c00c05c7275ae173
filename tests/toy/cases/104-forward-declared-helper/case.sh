# A helper defined after its (prototyped) use: lp.c must declare it before the
# use (the lp.c compile uses -Werror=implicit-function-declaration).
defines helper t
defines klpp_pu_f T
lp_contains 'return x \+ 4204;'
# Unused macro, typedef, struct, union, enum, object and functions stay out.
lp_lacks 'decoy|DECOY'
not_referenced decoy_user
