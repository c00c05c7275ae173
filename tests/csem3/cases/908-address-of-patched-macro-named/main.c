typedef int (*cb_t)(int);
extern cb_t eu_cb;
int pu_eu_f(int);
int klpp_pu_eu_f(int);

int main(void)
{
	if (klpp_pu_eu_f(1) != 2)
		return 1;
	if (eu_cb != pu_eu_f)
		return 2;	/* the livepatch's own address was stored */
	return klpp_pu_eu_f(200) == 1 ? 0 : 3;
}
