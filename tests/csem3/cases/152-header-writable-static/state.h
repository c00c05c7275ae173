/* a header keeping state: each unit including it has its own eu_hcount */
static int eu_hcount = 10;
static inline int hbump(int by)
{
	eu_hcount += by;
	return eu_hcount;
}
