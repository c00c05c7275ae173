static long espr_obj = 4210;

static int espr_f(int x)
{
	return x;
}

long *pu_f(int (**fp)(int), unsigned long *sz)
{
	*fp = &espr_f;
	*sz = sizeof(espr_obj);
	return &espr_obj;
}
