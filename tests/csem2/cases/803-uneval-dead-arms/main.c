#include <stdio.h>
int pu_f(int x);
int klpp_pu_f(int x);
int main(void)
{
	if (pu_f(4) != klpp_pu_f(4)) {
		printf("pu_f(4) = %d, klpp_pu_f(4) = %d\n", pu_f(4), klpp_pu_f(4));
		return 1;
	}
	return 0;
}
