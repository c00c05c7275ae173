#include <stdio.h>
int pu_a(int x);
int klpp_pu_a(int x);
int main(void)
{
	for (int i = 0; i < 6; i++)
		if (pu_a(i) != klpp_pu_a(i)) {
			printf("pu_a(%d) = %d, klpp_pu_a(%d) = %d\n", i, pu_a(i), i, klpp_pu_a(i));
			return 1;
		}
	return 0;
}
