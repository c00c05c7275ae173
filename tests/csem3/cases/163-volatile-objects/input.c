/* volatile and const volatile objects are shared with their qualifiers
 * (a const volatile one is not read-only: it may change under the code). */
static volatile int eu_cnt;
static const volatile int eu_reg = 7;

int pu_tick(int x)
{
	__atomic_fetch_add(&eu_cnt, x, __ATOMIC_SEQ_CST);
	return eu_cnt + eu_reg;
}
