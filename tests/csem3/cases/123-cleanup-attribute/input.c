static int released;
static void release_int(int *p) { released += *p; }
static void release_other(int *p) { released -= *p; }
#define AUTO_REL __attribute__((cleanup(release_int)))

int peek_released(void) { return released; }

int pu_f(int x)
{
	released = 100;
	{
		AUTO_REL int a = x;
		int b __attribute__((cleanup(release_other))) = 1;
		(void)a; (void)b;
	}
	return released;
}
