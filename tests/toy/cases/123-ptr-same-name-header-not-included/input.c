#include "api.h"

int eup_f(int x)
{
	return x + 1;
}

int pu_f(struct api_req *r)
{
	return eup_f(r->v) + API_BIAS;
}
