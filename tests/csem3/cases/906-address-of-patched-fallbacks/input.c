/*
 * Where the running original of a patched function cannot be named, its
 * address is lp.c's patched function: the policy cannot externalize ps_h
 * (toy: no e_ prefix); pu_eepr_g's original is a pointer, no constant for
 * the copied table's initializer. An externalized object's initializer
 * (ee_tab) is dropped, so a pointer there is no error.
 */
typedef int (*cb_t)(int);

static int ps_h(int v) { return v + 6; }
int pu_eepr_g(int v) { return v - 1; }
static const cb_t copied_tab[] = { pu_eepr_g, ps_h };
static cb_t ee_tab[] = { pu_eepr_g };

int pu_f(int x)
{
	cb_t mine = ps_h;

	return mine(x) + copied_tab[0](x) + copied_tab[1](x) + ee_tab[0](x);
}
