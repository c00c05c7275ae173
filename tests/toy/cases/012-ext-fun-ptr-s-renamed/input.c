int espr_f(int x, long y)
{
	return x + y + 4112;
}

int pu_f(int x)
{
	return espr_f(x, 3L) * 2;
}
