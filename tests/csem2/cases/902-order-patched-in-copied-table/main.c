#include <stdio.h>
int pu_f(int x);
int klpp_pu_f(int x);
int main(void)
{
	if (pu_f(10) != klpp_pu_f(10)) {
		printf("pu_f(10) = %d, klpp_pu_f(10) = %d\n", pu_f(10), klpp_pu_f(10));
		return 1;
	}
	return 0;
}
