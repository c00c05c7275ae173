#define VAL(x) ((x) * 10)

int pu_f(int i)
{
	static const int tbl[] = {
#include "vals.def"
	};

	return tbl[i % 3];
}
