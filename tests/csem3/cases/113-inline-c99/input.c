#include "inl.h"
/* C99: this makes the header's inline definition an external one here */
extern int eu_twice(int x);
inline int helper_inl(int x) { return x + 5; }

int pu_f(int x)
{
	return eu_twice(x) + helper_inl(x) + 113;
}
