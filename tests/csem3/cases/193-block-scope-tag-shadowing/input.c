/* Structure, union and enumeration declarations inside function bodies,
 * one shadowing a file-scope tag of the same name: each use means the
 * innermost, so the copy keeps them in place and the file-scope one too. */
struct pt { int x, y; };

static int area(struct pt a)
{
	struct pt { long w, h; } box = { a.x, a.y };

	return (int)(box.w * box.h) + (int)sizeof(struct pt);
}

int pu_f(int x)
{
	union u { int i; unsigned char b[4]; } v = { .i = x };
	enum { ONE = 1, TWO } k = TWO;
	struct pt p = { x, 3 };

	{
		struct pt { char c; } inner = { 'a' };

		k += inner.c == 'a';
	}
	return area(p) * 100 + v.b[0] + k + (int)sizeof(struct pt) * 10000;
}
