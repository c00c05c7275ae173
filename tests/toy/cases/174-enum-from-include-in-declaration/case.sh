# Enumerators spelled by a file that an #include inside the enum reads
# (kernel/sched/sched.h: enum { #include "features.h" __SCHED_FEAT_NR };),
# used through a pasting macro: the enum is copied with its #include,
# which is written so that it resolves from lp.c (features.def lies next
# to its includer, not next to lp.c: an absolute path).
defines klpp_pu_f T
lp_contains '__FEAT_NR,'
lp_contains '^#include "/.*/sub/features\.def" /\* "features\.def" \*/'
