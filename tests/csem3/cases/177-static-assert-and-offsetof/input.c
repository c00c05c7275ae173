/* _Static_assert and offsetof over a structure with an anonymous union. */
#include <stddef.h>
struct msg {
	int kind;
	union { int i; char c[8]; };
	long tail;
};
_Static_assert(offsetof(struct msg, tail) == 16, "layout");

int pu_offsets(int x)
{
	struct msg m = { .kind = x, .i = x * 2 };

	_Static_assert(sizeof(m.c) == 8, "c");
	return (int)offsetof(struct msg, c) * 100 + (int)offsetof(struct msg, tail) + m.i;
}
