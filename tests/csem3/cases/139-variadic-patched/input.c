#include <stdarg.h>
static int total(int n, va_list ap)
{
	int s = 0;
	while (n--)
		s += va_arg(ap, int);
	return s;
}

int pu_v(int n, ...)
{
	va_list ap;
	int s;

	va_start(ap, n);
	s = total(n, ap);
	va_end(ap);
	return s;
}

int pu_f(int x)
{
	return pu_v(3, x, 2 * x, 3) + pu_v(0);
}
