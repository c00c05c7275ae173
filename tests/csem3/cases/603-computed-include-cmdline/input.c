#include CFG_HDR
#define LOCAL_HDR_NAME(n) #n
#define LOCAL_HDR(n) LOCAL_HDR_NAME(n.h)
#include LOCAL_HDR(local)

int pu_f(int x)
{
	return cfg_val(x) + local_val(x);
}
