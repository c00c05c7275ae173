/* Batch test input: two patched functions using a header's type and macro. */
#include "b.h"

int b_get(const struct b_box *b)
{
	return b->value;
}

void b_set(struct b_box *b, int v)
{
	b->value = B_CLAMP(v, b->limit);
}
