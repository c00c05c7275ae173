int ghelper(int x)
{
	return x + 4164;
}

int pu_f(int x)
{
	return ghelper(x);
}
