#define pr_fmt(fmt) "mod4270: " fmt
#include "p.h"

int pu_hello(void)
{
	return say("hello");
}
