int pu_f(void)
{
	static int eu_hits = 4123;

	return ++eu_hits;
}
