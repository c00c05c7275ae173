#define WHERE() __LINE__

/* padding so that copied code does not start at line 1 */


static int helper(void)
{
	_Static_assert(WHERE() == 8, "helper line");
	return WHERE();
}

int pu_f(void)
{
	_Static_assert(WHERE() == 14, "pu_f line");
	return helper();
}
