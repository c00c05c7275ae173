int klpp_pu_f = 1;
int klpp_pu_f1 = 4215;

int pu_f(void)
{
	return klpp_pu_f + klpp_pu_f1;
}
