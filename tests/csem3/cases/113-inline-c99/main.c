#include <stdio.h>
int pu_f(int);
int klpp_pu_f(int);
/* a C99 inline definition has no symbol: another unit of the running
   program defines it */
int helper_inl(int x) { return x + 5; }
int main(void)
{
	for (int i = -2; i < 3; i++)
		if (pu_f(i) != klpp_pu_f(i)) {
			printf("pu_f(%d) = %d, patched %d\n", i, pu_f(i), klpp_pu_f(i));
			return 1;
		}
	return 0;
}
