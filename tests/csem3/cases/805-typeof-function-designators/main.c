#include <stdio.h>
int pu_f(int);
int klpp_pu_f(int);
/* the out-of-line eu_gi of the running program */
int eu_gi(int x) { return x + 805; }
int main(void)
{
	for (int i = -1; i < 3; i++)
		if (pu_f(i) != klpp_pu_f(i)) {
			printf("pu_f(%d) = %d, patched %d\n", i, pu_f(i), klpp_pu_f(i));
			return 1;
		}
	return 0;
}
