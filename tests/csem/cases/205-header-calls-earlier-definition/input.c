#define BASE_EXTRA BASE_PART(2)
#define BASE_PART(x) ((x) + 1)
__attribute__((noinline)) static int base_value(void)
{
	return 40;
}
#include <outer.h>

int pu_f(void)
{
	return inner_get();
}
