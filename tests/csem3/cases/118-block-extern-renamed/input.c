int eepr_obj = 5;
int eur_obj = 6;
static int espr_fn(int x) { return x; }
int pu_f(int x)
{
	extern int eepr_obj;
	extern int eur_obj;
	extern int espr_fn(int);
	return eepr_obj + x + eur_obj + espr_fn(x);
}
