#include "api.h"

int pu_g(void)
{
	return API_VAL;
}
