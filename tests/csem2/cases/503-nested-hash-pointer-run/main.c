#include <stdio.h>

int eepr_g(int x);
extern int eepr_obj;
extern int (*klpe_eepr_g)(int);
extern int *klpe_eepr_obj;
int pu_f(int x);
int klpp_pu_f(int x);

int main(void)
{
	int a, b;

	klpe_eepr_g = eepr_g;	/* what the livepatch glue does */
	klpe_eepr_obj = &eepr_obj;
	a = pu_f(3);
	b = klpp_pu_f(3);
	if (a != b)
		printf("pu_f(3) = %d, patched %d\n", a, b);
	return a != b;
}
