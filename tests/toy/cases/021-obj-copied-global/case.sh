# A non-externalizable global object: its definition is copied.
lp_contains '^int gval = 4121;'
defines gval D
