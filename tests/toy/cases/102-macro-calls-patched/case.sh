# A patched function called through a macro body: the call must still reach
# klpp_pu_g (the old pu_g must not be referenced).
defines klpp_pu_g T
not_referenced pu_g
