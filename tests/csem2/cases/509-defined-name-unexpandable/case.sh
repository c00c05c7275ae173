# Item 5: a name the unit renames by "#define pu_h klpp_pu_h" (a direct #f)
# made by ## and stringized inside an invocation that klp-ccp cannot write
# expanded exactly (__COUNTER__): left as written, with a warning naming
# the macro; the other such invocation of the unit is written expanded.
PATCHED=pu_f,pu_h
defines klpp_pu_f T
expect_stderr "input.c:17: warning: a name lp.c renames by #define reaches # or ## inside 'COUNTED_NAME\(\.\.\.\)' after an expansion, but that invocation cannot be written expanded exactly"
lp_contains 'STR\(\.\.\.\) expanded by klp-ccp'
lp_contains 'COUNTED_NAME\(pu, _h\)'
