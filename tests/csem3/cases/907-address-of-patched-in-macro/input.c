/*
 * The address of a patched function taken in a macro's expansion names the
 * running original, also when the same macro body calls it elsewhere (one
 * body serves every expansion: its calls then go through the running
 * function's address, which reaches the patched one while the livepatch is
 * enabled). A macro that only calls a patched function calls lp.c's; a
 * reference that # stringizes keeps its spelling, and a unit that
 * takes the address is not renamed by "#define F klpp_F" for a call that #
 * sees there (CALL_NAMED).
 */
typedef int (*cb_t)(int);

int pu_eu_cb(int v) { return v * 2; }
int pu_eu_other(int v) { return v + 1; }
static cb_t registered = pu_eu_cb;
static cb_t last;
static const char *last_name;

static int register_named(const char *n, cb_t f)
{
	last = f;
	last_name = n;
	return n[3];
}

#define IS_MINE(f) ((f) == pu_eu_cb)
#define MY_CB pu_eu_cb
#define CALL_OTHER(x) pu_eu_other(x)
#define REGISTER(f) register_named(#f, f)
#define CALL_NAMED(f, x) (f(x) + #f[4])

int pu_t(int x)
{
	cb_t m = MY_CB;

	return IS_MINE(registered) * 10 + (m == registered) * 100 + MY_CB(x) +
	       CALL_OTHER(x) + REGISTER(pu_eu_other) + (last == pu_eu_other) * 1000 +
	       CALL_NAMED(pu_eu_other, x) * 10000;
}
