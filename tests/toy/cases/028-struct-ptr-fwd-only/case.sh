# A struct used only through pointers: forward declaration, no definition.
lp_contains '^\s*struct opaque\s*;'
lp_lacks 'opaque_member_4128'
lp_lacks 'struct opaque\s*\{'
defines klpp_pu_f T
