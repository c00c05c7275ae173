# A copied object whose initializer references other objects pulls them in
# (copied or externalized).
defines ptr d
defines target d
defines ptr2 d
undefined eu_ext
lp_order 'static int target = 4206;' 'static int \*ptr = &target;'
