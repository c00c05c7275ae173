#define DEBUG 0
static int dbg_dump(int x) { return x * 99; }
static int ok_path(int x) { return x + 803; }
static int side(int x) { return x + 1; }

int pu_f(int x)
{
	int r = 0;

	if (DEBUG)
		r += dbg_dump(x);
	/* a statement expression in sizeof is not evaluated either */
	r += sizeof(({ side(x); }));
	/* a comma expression whose left side has a call is not constant */
	r += (side(x), 0) ? dbg_dump(x) : ok_path(x);
	return r;
}
