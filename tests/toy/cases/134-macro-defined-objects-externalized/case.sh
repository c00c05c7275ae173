# Objects that a copied macro invocation defines are externalized like any
# other: the invocation is expanded with a copy of the macro whose
# definitions of them are declarations (per-CPU: DECLARE_PER_CPU, same
# section), between push_macro/pop_macro (the two invocations need different
# copies: eu_total_a, eu_total_b). No private copies.
PATCHED=pu_bump_a,pu_bump_b
defines klpp_pu_bump_a T
defines klpp_pu_bump_b T
undefined eu_pcpu_a
undefined eu_total_a
undefined eu_total_b
undefined klpe_eur_seen_a
not_referenced eur_seen_a
lp_count '^#pragma push_macro\("DEFINE_COUNTER"\)$' 2
lp_count '^#pragma pop_macro\("DEFINE_COUNTER"\)$' 2
lp_count '^DECLARE_PER_CPU\(struct ctr_##n, eu_pcpu_##n\);' 2
lp_contains '^extern long eu_total_a;'
lp_contains '^extern long eu_total_b;'
lp_contains '^extern long klpe_eur_seen_a;'
stderr_lacks 'instead of the running one'
