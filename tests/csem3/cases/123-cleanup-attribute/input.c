static int released;
static void release_int(int *p) { released += *p; }
static void release_other(int *p) { released -= *p; }
static void release_third(int *p) { released += 1000 * *p; }
static void release_fourth(int *p) { released += 100 * *p; }
#define AUTO_REL __attribute__((cleanup(release_int)))
#define AUTO_WITH(f) __attribute__((cleanup(f)))
#define AUTO_NESTED(g) AUTO_WITH(g)

int peek_released(void) { return released; }

int pu_f(int x)
{
	released = 100;
	{
		AUTO_REL int a = x;
		int b __attribute__((cleanup(release_other))) = 1;
		AUTO_WITH(release_third) int c = 2;
		AUTO_NESTED(release_fourth) int d = 3;
		(void)a; (void)b; (void)c; (void)d;
	}
	return released;
}
