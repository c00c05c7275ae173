#include <stdio.h>
int pu_f(int x);
int klpp_pu_f(int x);
int main(void)
{
	if (pu_f(7) != klpp_pu_f(7)) {
		printf("pu_f(7) = %d, klpp_pu_f(7) = %d\n", pu_f(7), klpp_pu_f(7));
		return 1;
	}
	return 0;
}
