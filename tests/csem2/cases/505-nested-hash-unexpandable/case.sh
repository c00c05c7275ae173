# Item 5, nested: an invocation whose expansion klp-ccp cannot compute
# exactly (__COUNTER__) is left as written with a warning naming the name
# and the macro; the others of the unit are still expanded.
PATCHED=pu_f,pu_h
defines klpp_pu_f T
expect_stderr "input.c:15: warning: 'pu_h' is renamed, and 'UNIQUE_NAMED' passes it on to a macro that stringizes or pastes it, but that invocation cannot be expanded exactly"
lp_contains 'NAMED\(\.\.\.\) expanded by klp-ccp'
lp_contains 'UNIQUE_NAMED\(klpp_pu_h\)'
