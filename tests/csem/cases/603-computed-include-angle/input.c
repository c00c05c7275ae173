#define SYS_HDR <stddef.h>
#include SYS_HDR
#define LOCAL_HDR(x) <x>
#include LOCAL_HDR(limits.h)

size_t pu_f(size_t n)
{
	return n + sizeof(ptrdiff_t) + (INT_MAX & 1);
}
