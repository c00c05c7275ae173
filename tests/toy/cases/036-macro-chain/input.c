#define BASE 4136
#define DOUBLE_BASE (BASE * 2)
#define UNRELATED 17

int pu_f(void)
{
	return DOUBLE_BASE;
}
