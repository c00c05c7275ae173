#include <string.h>
#include "shapes.h"

int eu_same = 4;

int log_sum(const char *fmt, int n, ...)
{
	return (int)strlen(fmt) + n;
}

int pu_h(int x)
{
	return x * 3;
}

int eu_pu_h9 = 9;
int eu_val = 5;

/* no longer a macro where pu_f expands it */
#define eu_val 100
#undef eu_val

int pu_f(int x)
{
	return NAMED_CALL2(pu_h, x + eu_val) + LOG_NAME(pu_h) + LOG_NAME(pu_h, x, eu_same) +
	       (int)strlen(QUOTE(pu_h  (  "a\"b" ,'\\' ) + 1)) * 10 + (int)strlen(QUOTE(AA pu_h BB)) +
	       CAT3(eu_, pu_h, 9) + CAT3(eu_, , same) + CAT3(1, 2, ) +
	       (int)sizeof(WRAP(pu_h)) + (int)strlen(AT(pu_h)) + eu_same + DIRECT(pu_h);
}
