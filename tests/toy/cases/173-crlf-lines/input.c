/* CRLF line ends: lp.c's #line directives count lines as GCC does. */

static int cr_helper(int x)
{
	return x * 7 + 1731;	/*@CRHELPER@*/
}



int cr_f(int x)
{
	return cr_helper(x) + 1;	/*@CRF@*/
}
