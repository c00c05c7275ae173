/* A #line directive renames the file and renumbers its lines: lp.c's
 * #line directives say what GCC's diagnostics and __LINE__ would say. */
static int lp_helper_a(int x)
{
	return x * 3 + 1721;	/*@PLAIN@*/
}

#line 200 "renamed.c"
static int lp_helper_b(int x)
{
	return x * 5 + 1722;	/* renamed.c:202 */
}

int ld_f(int x)
{
	return lp_helper_a(x) + lp_helper_b(x) + __LINE__;	/* renamed.c:207 */
}
