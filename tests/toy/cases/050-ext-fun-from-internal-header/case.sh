# An externalizable function defined in a non-eligible header is externalized
# (definition available, not from an eligible header).
undefined eu_iinl
lp_lacks '4150'
not_includes '"inl_internal.h"'
