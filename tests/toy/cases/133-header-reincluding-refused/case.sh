# api.h clashes with the pointer eup_g (same name). b.h includes api.h too (the
# include guard skipped it in the original): #including b.h would bring api.h
# back, so b.h is not included either and struct b_thing is copied.
not_includes '"api.h"'
not_includes '"b.h"'
lp_contains 'struct b_thing \{'
lp_contains 'int \(\*eup_g\)\(int\);'
