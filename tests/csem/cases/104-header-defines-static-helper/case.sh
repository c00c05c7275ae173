# A called (not address-taken) external function of a defining header: the
# toy policy may not externalize it, so it is copied under a new name,
# static; lp.o never defines lib_sum itself.
PATCHED=pu_f
not_includes '"lib.h"'
not_defined lib_sum
lp_contains 'lib_inl'
if defaults_mode; then undefined lib_sum; else defines klpr_lib_sum t; fi
