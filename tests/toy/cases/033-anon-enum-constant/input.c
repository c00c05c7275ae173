enum { MAXV = 4133 };
enum { UNUSED_CONST_4133 = 9 };

int pu_f(int x)
{
	return x < MAXV ? x : MAXV;
}
