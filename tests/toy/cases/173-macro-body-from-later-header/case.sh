# A macro of an included header whose body names a macro that another
# header defines, which the first does not include (<linux/sockios.h>'s
# SIOCINQ is FIONREAD of <asm/ioctls.h>): that header is included too, in
# its original place; one nothing needs (other.h) is not.
defines klpp_pu_f T
includes_in_order '"sockios.h"' '"ioctls.h"'
not_includes '"other.h"'
