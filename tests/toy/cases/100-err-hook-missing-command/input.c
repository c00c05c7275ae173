int eu_obj;

int pu_f(void)
{
	return eu_obj;
}
