#include "api.h"
static int ps_b(int x);
#define CALLB(x) ps_b(x)
static int helper(int x);

int pu_a(int x)
{
	if (x <= 0)
		return 0;
	return ps_b(x - 1) + CALLB(x - 2) + helper(x) + CALLE(x);
}

static int helper(int x)
{
	return pu_c(x) + 1;
}

static int ps_b(int x)
{
	if (x <= 0)
		return 1;
	return pu_a(x - 1) * 2;
}

int pu_c(int x) { return x * 7; }
int pu_e(int x) { return x * 8 + 901; }
