/* A constructor of the unit runs once, in the running binary: lp.c must
 * not carry a second one (it would run again when the livepatch loads). */
static int eu_inited;
__attribute__((constructor)) static void eu_setup(void) { eu_inited += 5; }
static void helper_setup(void) { eu_setup(); }

int pu_state(int x)
{
	if (x < 0)
		helper_setup();
	return eu_inited + x;
}
