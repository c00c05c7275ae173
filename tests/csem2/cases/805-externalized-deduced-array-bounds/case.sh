# Issue 13: an externalized array whose bound the initializer deduces keeps
# that bound in lp.c (in place and from clang's type, plain and as a
# klpe_ pointer, one- and two-dimensional, strings); a bound spelled with a
# macro stays as written.
source "$CASE_DIR/../../lib.sh"
same_results pu_f 0 1 2 5 11

lp_contains 'eu_named_bound\[NTAB\]'
defines klpe_eupr_names b
defines klpe_eupr_sgrid b
not_referenced eupr_names
not_referenced eupr_sgrid
