# The static eur_cnt is renamed klpe_eur_cnt; the static inline hget() of the
# eligible inl.h, included after it, uses it: #included, hget would refer to
# an eur_cnt lp.c does not declare. inl.h is left out, hget is copied and
# rewritten, types.h is included by itself.
not_includes '"inl.h"'
includes '"types.h"'
not_referenced eur_cnt
undefined klpe_eur_cnt
lp_contains 'return klpe_eur_cnt \+ 4232;'
expect_stderr "eur_cnt.*hget.*inl\.h"
