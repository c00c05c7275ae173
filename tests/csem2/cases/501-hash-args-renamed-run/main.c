#include <stdio.h>
int pu_f(int x);
int klpp_pu_f(int x);
int main(void)
{
	if (pu_f(2) != klpp_pu_f(2)) {
		printf("pu_f(2) = %d, klpp_pu_f(2) = %d\n", pu_f(2), klpp_pu_f(2));
		return 1;
	}
	return 0;
}
