#include "tmp_internal.h"
#include "post.h"

int pu_f(int x)
{
	_Static_assert(TMP_SCALE == 9, "post.h's TMP_SCALE");
	return tmp_scaled(x) + post_scale();
}
