# __builtin_* calls survive; the struct named in __builtin_offsetof is copied.
lp_contains '__builtin_constant_p\(x\)'
lp_contains '__builtin_types_compatible_p\(typeof\(x\), int\)'
lp_contains '__builtin_offsetof\(struct s, b\)'
lp_contains 'struct s \{'
