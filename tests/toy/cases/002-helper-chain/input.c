static int depth_obj = 4102;

static int h3(int x)
{
	return x + depth_obj;
}

static int h2(int x)
{
	return h3(x) * 2;
}

static int h1(int x)
{
	return h2(x) - 1;
}

int pu_f(int x)
{
	return h1(x);
}
