#define CAT_(a, b) a##b
#define CAT(a, b) CAT_(a, b)
static int before_a(void) { return __COUNTER__ * 0 + 1; }
#include "slots.h"
static int before_b(void) { return __COUNTER__; }
static const int tab[] = { 10, 20, 30, 40, 50, 60, 70, 80, 90 };
int unrelated(void) { return before_a() + before_b() + header_slot(); }
static int copied_slot(int v) { return v + NEXT_SLOT() * 1000; }

int pu_f(int x)
{
	int i = NEXT_SLOT();
	int CAT(v_, __COUNTER__) = x;
	return tab[i] + x + before_b() * 100 + (__COUNTER__ == 6) * 10000 + copied_slot(x) * 100000;
}
