# GCC-only inline-asm constraints ("Bm" on x86, "YZ<>" on ppc64...) are
# neutralized in what clang parses only: the extraction succeeds, lp.c keeps
# the original text (in the .c file, in a macro, in an included header).
defines klpp_pu_f T
lp_contains '#define LOAD_CONSTRAINT "Bm"'
lp_contains ': "Bm"\(p\[1\]\)\);'
lp_contains 'LOAD_CONSTRAINT\(\*p\)'
lp_lacks '"X+"'
includes '"asm_ops.h"'
