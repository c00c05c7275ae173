#include <stdio.h>
int entry(int x);
int klpp_pe_a(int x);
int klpp_pe_b(int x);
int main(void)
{
	for (int i = 0; i < 5; i++)
		if (entry(i) != klpp_pe_a(i) + klpp_pe_b(i)) {
			printf("entry(%d) = %d, patched = %d\n", i, entry(i), klpp_pe_a(i) + klpp_pe_b(i));
			return 1;
		}
	return 0;
}
