#include <stdio.h>
int pu_f(int x);
int klpp_pu_f(int x);
int main(void)
{
	if (pu_f(3) != klpp_pu_f(3)) {
		printf("pu_f(3) = %d, klpp_pu_f(3) = %d\n", pu_f(3), klpp_pu_f(3));
		return 1;
	}
	return 0;
}
