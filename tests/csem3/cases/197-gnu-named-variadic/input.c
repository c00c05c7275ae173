/* GNU named variadic macro parameters (args...), ", ## args" dropping the
 * comma when empty, and __VA_ARGS__ forwarding through two levels. */
#include <stdio.h>

#define LOG(fmt, args...) snprintf(eu_buf, sizeof(eu_buf), fmt, ## args)
#define TRACE(...) LOG(__VA_ARGS__)
#define COUNT_ARGS(...) COUNT_(, ##__VA_ARGS__, 3, 2, 1, 0)
#define COUNT_(z, a, b, c, n, ...) n

static char eu_buf[32];

int pu_f(int x)
{
	int n = LOG("plain");

	n += TRACE("%d-%d", x, x + 1);
	return n * 100 + COUNT_ARGS() * 10 + COUNT_ARGS(x, x) + eu_buf[0];
}
