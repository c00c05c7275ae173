/*
 * The address of a patched function taken in patched code is the running
 * function's: stored pointers compare equal to it. Direct calls (also
 * through (*f)(x)) reach the patched functions.
 */
typedef int (*cb_t)(int);

static int ps_ee_handler(int v) { return v + 3; }
int pu_ee_cb(int v) { return v * 2; }
static cb_t ee_registered = ps_ee_handler;
static cb_t ee_cbs[] = { pu_ee_cb, ps_ee_handler };

static int pick(cb_t f, cb_t g) { return f == g; }

int pu_t_handler(int x) { return ps_ee_handler(x) + (*pu_ee_cb)(x); }

int pu_t_ident(int x)
{
	cb_t mine = pu_ee_cb;

	return (ee_registered == ps_ee_handler ? 10 : 20) + (mine == ee_cbs[0] ? 1 : 2) +
	       (&pu_ee_cb == ee_cbs[0] ? 100 : 200) + pick(ee_cbs[1], ps_ee_handler) * 1000 +
	       pu_t_handler(x);
}
