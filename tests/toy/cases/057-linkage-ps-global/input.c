int ps_f(int x)
{
	return x + 4157;
}
