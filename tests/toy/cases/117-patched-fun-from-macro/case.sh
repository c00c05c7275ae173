# A patched function whose name only the macro body spells (SYSCALL_DEFINE-like):
# renamed with a #define around the copied invocation.
PATCHED=pu_get_a
defines klpp_pu_get_a T
not_referenced pu_get_a
not_referenced pu_get_b
lp_contains '^#define pu_get_a klpp_pu_get_a$'
lp_contains '^#undef pu_get_a$'
lp_contains '^DEFINE_GETTER\(a\)'
lp_lacks 'DEFINE_GETTER\(b\)'
