#include <stdio.h>
int pu_f(int);
int klpp_pu_f(int);
/* gnu89 "extern inline" has no out-of-line copy: the running kernel would
   have one from elsewhere */
int eu_fast(int x) { return x + 1; }
int main(void)
{
	int i;

	for (i = -2; i < 3; i++)
		if (pu_f(i) != klpp_pu_f(i)) {
			printf("pu_f(%d) = %d, patched %d\n", i, pu_f(i), klpp_pu_f(i));
			return 1;
		}
	return 0;
}
