# A function-local static declared by a macro body cannot be rewritten: it stays
# a private copy (even though the policy would externalize the name).
defines klpp_pu_f T
defines eu_done.0 b
not_referenced eu_done
lp_contains 'return ONCE\(x \+ 4200\);'
