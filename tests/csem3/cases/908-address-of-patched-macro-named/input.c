/*
 * A macro makes the patched function's name (HANDLER pastes it), so lp.c
 * renames the unit with "#define pu_eu_f klpp_pu_eu_f"; the address the
 * body stores and compares must still be the running original's: a stored
 * klpp_ address would outlive the livepatch, and the running code compares
 * with its own.
 */
typedef int (*cb_t)(int);
cb_t eu_cb;

#define HANDLER(name) int pu_##name(int x)

HANDLER(eu_f)
{
	if (x > 100)
		return eu_cb == pu_eu_f;
	eu_cb = pu_eu_f;
	return x + 1;
}

int run(int x) { return eu_cb ? eu_cb(x) : -1; }
