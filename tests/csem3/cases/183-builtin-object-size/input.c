/* __builtin_object_size and __builtin_expect over objects lp.c
 * externalizes: the declarations keep the sizes GCC saw (a bound written,
 * one an initializer deduced, a structure's member), so the fortified
 * checks answer as in the original. */
#include <string.h>

struct rec { int id; char name[12]; };

static char eu_buf[24];
static char eu_msg[] = "hello, world";
static struct rec eu_rec = { 1, "abc" };

#define likely(x) __builtin_expect(!!(x), 1)

int pu_sizes(int x)
{
	size_t a = __builtin_object_size(eu_buf, 0);
	size_t b = __builtin_object_size(eu_msg, 1);
	size_t c = __builtin_object_size(eu_rec.name, 1);
	size_t d = __builtin_object_size(&eu_buf[4], 0);

	if (likely(x > 0))
		memcpy(eu_buf, eu_msg, sizeof(eu_msg));
	return (int)(a * 1000000 + b * 10000 + c * 100 + d) + eu_buf[0];
}
