/* A writable pointer object initialized with another object's address:
 * both are the running unit's, so lp.c sees what the running code stored. */
static int eu_a = 1, eu_b = 2;
static int *eu_cur = &eu_a;

int pu_swap(int x)
{
	eu_cur = eu_cur == &eu_a ? &eu_b : &eu_a;
	*eu_cur += x;
	return *eu_cur * 10 + (eu_cur == &eu_a);
}
