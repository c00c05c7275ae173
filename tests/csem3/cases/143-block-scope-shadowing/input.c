struct pt { int x, y; };
typedef long word;
enum { RED = 1, GREEN = 2 };
static int level = 143;
static int scale(struct pt p) { return p.x * 10 + p.y; }

int pu_f(int level)
{
	struct pt outer = { level, 2 };
	{
		struct pt { char tag; long x, y; } inner = { 'a', 7, 8 };
		typedef char word;
		enum { RED = 40, BLUE = 50 };
		word w = 3;

		return scale(outer) + (int)sizeof(word) * 1000 + (int)inner.x + RED + BLUE + w +
		       (int)sizeof(inner);
	}
}

int uses_static(void) { return level; }
