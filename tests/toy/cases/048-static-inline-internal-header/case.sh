# A static inline function from a non-eligible header is copied (with #line into it).
not_includes '"inl_internal.h"'
lp_contains 'return x \+ 4148;'
lp_contains 'static inline int hinl\(int x\)'
same_line hinl
