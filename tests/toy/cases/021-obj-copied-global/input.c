int gval = 4121;

int pu_f(int x)
{
	return gval + x;
}
