# A non-includable header (toy policy) defines a macro for its inline code
# and #undefs it; a later header defines it again.
PATCHED=pu_f
includes '"post.h"'
defines klpp_pu_f T
if ! defaults_mode; then
	not_includes '"tmp_internal.h"'
	lp_order 'define TMP_SCALE 4' '#undef TMP_SCALE'
	lp_order '#undef TMP_SCALE' '#include "post.h"'
fi
