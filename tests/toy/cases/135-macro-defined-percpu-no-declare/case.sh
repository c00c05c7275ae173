# A per-CPU object defined by a copied macro invocation, without a
# DECLARE_PER_CPU in the program: "extern DEFINE_PER_CPU(...)" declares it,
# keeping the macro's section attribute. Nothing else uses the macro: it is
# written once, already redefined. Never a private copy.
PATCHED=pu_slot_a
defines klpp_pu_slot_a T
undefined eu_slot_a
lp_contains '^extern DEFINE_PER_CPU\(long, eu_slot_##n\);'
lp_count '^#define DEFINE_SLOT' 1
lp_lacks '= 3;'
lp_lacks 'push_macro'
stderr_lacks 'instead of the running one'
