#include <stdio.h>

extern int eepr_obj;
extern int *klpe_eepr_obj;
int pu_f(int x);
int klpp_pu_f(int x);

int main(void)
{
	int r = 0;

	klpe_eepr_obj = &eepr_obj;	/* what the livepatch glue does */
	for (int x = 1; x < 4; x++) {
		int a = pu_f(x), b = klpp_pu_f(x);

		if (a != b)
			printf("pu_f(%d) = %d, patched %d\n", x, a, b);
		r |= a != b;
	}
	return r;
}
