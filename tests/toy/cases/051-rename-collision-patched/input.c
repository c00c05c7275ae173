int klpp_pu_f = 4151;

int pu_f(void)
{
	return klpp_pu_f;
}
