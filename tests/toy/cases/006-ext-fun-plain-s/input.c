int es_f(int x)
{
	return x + 4106;
}

int pu_f(int x)
{
	return es_f(x) * 2;
}
