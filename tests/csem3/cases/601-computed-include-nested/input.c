#define CONCAT_HDR(a) #a
#define XHDR(a) CONCAT_HDR(a)
#define HDR_BASE tab.h
#define HDR XHDR(HDR_BASE)
#include HDR
#define SYS_HDR <limits.h>
#define SYS SYS_HDR
#include SYS

int pu_f(int x)
{
	return tab_get(x) + (INT_MAX > 0);
}
