static int eupr_tab[4] = { 1, 2, 3, 4119 };

int pu_f(int i)
{
	_Static_assert(sizeof(eupr_tab) == 4 * sizeof(int), "array type kept");
	return eupr_tab[i & 3];
}
