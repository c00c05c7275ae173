/* A patched K&R definition with a float parameter: its type has no
 * prototype (the argument is promoted to double); lp.c's prototype must not
 * say float. */
int pu_scale(x, k)
	float x;
	int k;
{
	return (int)(x * k);
}
int use(void) { return pu_scale(2.5f, 4); }
