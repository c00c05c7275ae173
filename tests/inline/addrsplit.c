/*
 * walk calls is_big directly (GCC inlines it) and passes its address to
 * scan: the target has is_big out of line for the address only. A
 * livepatch of walk must pass the running is_big's address, and call a
 * copy GCC inlines (is_big names kind, a static inline: no extern inline
 * gnu_inline body can hold it).
 */
#include "addrsplit.h"

extern int scan(const struct item *v, int n, int (*pred)(const struct item *));

int walk(const struct item *v, int n)
{
	int r = 0;

	if (n > 0 && is_big(&v[0]))
		r = scan(v, n, &is_big);
	return r + n;
}
