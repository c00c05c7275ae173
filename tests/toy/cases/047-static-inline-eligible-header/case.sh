# A static inline function from an eligible header comes with the header.
includes '"inl.h"'
lp_lacks '4147'
lp_contains 'return hinl\(x\);'
