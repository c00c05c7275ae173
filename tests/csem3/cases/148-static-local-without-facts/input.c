/*
 * Writable static locals of a patched function and of a copied helper keep
 * their state with the running code's: without binary facts, their symbols
 * are GCC's x.N, numbered over the unit in an order the -O level changes
 * (statics of other functions, some unused, with the same names).
 */
__attribute__((noipa)) static int eu_peek(void) { static int eu_level; return eu_level++; }
int unused_one(void) { static int eu_level = 7; return eu_level++; }

__attribute__((noipa)) static int eu_bump(int by)
{
	static int eu_level;

	eu_level += by;
	return eu_level;
}

int pu_steps(int x)
{
	static int eu_steps = 5;
	static int eu_level;
	static int eu_last;	/* only written: GCC drops it, nothing to share */

	eu_last = x;
	eu_steps += x;
	eu_level++;
	return eu_steps * 100 + eu_level * 10 + eu_bump(x) + eu_peek() * 1000;
}
