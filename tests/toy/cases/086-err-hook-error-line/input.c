int pu_f(int x)
{
	return x + 4186;
}
