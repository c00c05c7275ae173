static int ee_f(int x)
{
	return x + 4107;
}

int pu_f(int x)
{
	return ee_f(x) * 2;
}
