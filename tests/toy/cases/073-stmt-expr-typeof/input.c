#define max_t(a, b) ({ typeof(a) _a = (a); __typeof__(b) _b = (b); _a > _b ? _a : _b; })

int pu_f(int x, int y)
{
	typeof(x) z = max_t(x, y);

	return z + ({ int w = 4173; w; });
}
