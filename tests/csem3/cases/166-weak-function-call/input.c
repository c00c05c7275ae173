/* A weak function of the unit that the patched one calls: the running
 * definition (which may be overridden at link time) is the one to call. */
__attribute__((weak)) int eu_hook_value(int x) { return x + 40; }

int pu_hooked(int x)
{
	return eu_hook_value(x) * 2;
}
