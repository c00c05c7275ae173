/* hfmt (outofline-hdr.h) is called out of line by every function here; a
 * livepatch of head calls it once, and GCC would inline it. */
#include "outofline-hdr.h"

int head(struct msg *m, int a)
{
	return hfmt(m, a, a & 3) + 1;
}

/* hweight takes an anonymous struct (by its typedef): not declared early */
int head2(const mask_t *k, int a)
{
	return hweight(k, a) + 1;
}

int tail(struct msg *m, int b)
{
	return hfmt(m, b * 2, 1) - hfmt(m, b, 2) + hfmt(m, 3, b) + hfmt(m, b + 7, 4) * hfmt(m, b - 1, 0);
}

int tail2(struct msg *m, int b, const mask_t *k)
{
	b += hweight(k, 2) + hweight(k, b) + hweight(k, b + 1) + hweight(k, 7);
	return hfmt(m, b * 5, b) - hfmt(m, b + 2, 7) + hfmt(m, b ^ 9, 6);
}

/* constant arguments: lp.c's one call would make GCC clone the noinline hfmt
 * (hfmt.constprop.0), which the target, calling it with many, did not */
int head3(struct msg *m)
{
	return hfmt(m, 9, 5) * 3;
}

/* names only hcall, which calls hfmt: lp.c must keep hfmt out of line too */
int head4(struct msg *m, int a)
{
	return hcall(m, a) + 2;
}
