#define STR(x) #x
#define XSTR(x) STR(x)
#define ARCH arch
#define ARCH_HDR(name) XSTR(ARCH/name.h)
#include ARCH_HDR(ops)

int pu_f(int x)
{
	return arch_op(x);
}
