#include "nested.h"

int user_n(int x)
{
	return clamp(x) - 1;
}
