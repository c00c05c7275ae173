#define LEVEL_BASE 10
#if MODE == 1
static int pu_f(void)
{
	int r = LEVEL_BASE + 1;
#elif MODE == 2
int pu_f(void)
{
	int r = LEVEL_BASE + 2;
#else
int pu_f(void)
{
	int r = LEVEL_BASE + 3;
#endif
	return r;
}

int user(void) { return pu_f(); }
