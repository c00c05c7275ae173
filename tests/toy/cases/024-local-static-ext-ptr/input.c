int pu_f(void)
{
	static int espr_hits = 4124;

	return ++espr_hits;
}
