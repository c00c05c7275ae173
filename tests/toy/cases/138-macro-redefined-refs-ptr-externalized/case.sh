# The macro whose invocation defines externalized state is written redefined
# (eu_slot_a declared): its body's reference to the pointer-externalized
# espr_base is rewritten there like in any re-emitted macro.
PATCHED=pu_slot_a
defines klpp_pu_slot_a T
undefined eu_slot_a
not_referenced espr_base
lp_count '^#define DEFINE_SLOT' 1
lp_contains 'return eu_slot_##n \+ \(\*klpe_espr_base\) \+ 4238;'
lp_contains '^extern long eu_slot_a;'
