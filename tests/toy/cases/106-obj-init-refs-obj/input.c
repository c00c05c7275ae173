static int target = 4206;
static int *ptr = &target;
int eu_ext;
static int *ptr2 = &eu_ext;

int pu_f(void)
{
	return *ptr + *ptr2;
}
