#define CALL_G(v) pu_g(v)

int pu_g(int x)
{
	return x + 4202;
}

int pu_f(int x)
{
	return CALL_G(x) + 1;
}
