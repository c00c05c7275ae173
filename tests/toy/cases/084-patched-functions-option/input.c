int pu_a(int x)
{
	return x + 4184;
}

int pu_b(int x)
{
	return x - 5184;
}
