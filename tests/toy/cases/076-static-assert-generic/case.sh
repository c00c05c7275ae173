# _Static_assert and _Generic (through a re-emitted macro) survive.
lp_contains '_Static_assert\(sizeof\(struct pair\) == 2 \* sizeof\(int\), "pair size"\);'
lp_contains '#\s*define\s+kind_of\(x\) _Generic'
lp_contains 'struct pair \{'
