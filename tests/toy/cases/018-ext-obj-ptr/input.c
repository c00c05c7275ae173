static long espr_obj = 4118;

long pu_f(long x)
{
	espr_obj += x;
	return espr_obj;
}
