#define SQUARE(v) ((v) * (v) + 4135)

int pu_f(int x)
{
	return SQUARE(x);
}
