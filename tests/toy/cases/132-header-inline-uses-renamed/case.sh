# eur_cnt is renamed klpe_eur_cnt; the static inline hget() of the eligible
# inl.h uses it, so inl.h cannot be #included (hget would refer to eur_cnt):
# hget is copied and rewritten, types.h is included by itself.
not_includes '"inl.h"'
includes '"types.h"'
not_referenced eur_cnt
undefined klpe_eur_cnt
lp_contains 'return klpe_eur_cnt \+ 4232;'
expect_stderr "eur_cnt.*inl\.h"
