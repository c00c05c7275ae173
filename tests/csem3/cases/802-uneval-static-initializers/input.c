struct big { long a[8]; };
static struct big make_big(int x) { struct big b = { { x } }; return b; }
static int pick_int(int x) { return x; }
static long pick_long(long x) { return x * 2; }

/* constant-expression contexts: array bounds, enumerators, case labels,
   static assertions and static initializers */
static char buf[sizeof(make_big(0))];
enum { BIG_WORDS = sizeof(make_big(0).a) / sizeof(long) };
_Static_assert(sizeof(pick_long(0)) == sizeof(long), "long");
static const int tab_sz = sizeof(make_big(1)) + __builtin_types_compatible_p(__typeof__(pick_int(0)), int);

int pu_f(int x)
{
	switch (x) {
	case sizeof(pick_long(0)):
		return 8;
	case BIG_WORDS * 100:
		return 800;
	}
	return (int)sizeof(buf) + tab_sz + __builtin_choose_expr(1, pick_int(x), pick_long(x));
}
