static int eepr_f(int x)
{
	return x + 4113;
}

int pu_f(int x)
{
	return eepr_f(x) * 2;
}
