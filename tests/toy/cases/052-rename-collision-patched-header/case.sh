# klpp_pu_g is declared by an included header: the patched function becomes klpp_pu_g1.
includes '"api.h"'
defines klpp_pu_g1 T
not_defined klpp_pu_g
