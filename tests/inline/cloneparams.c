/* fill is static and kept out of line; every caller passes NULL for src,
 * so IPA-CP makes fill.constprop.N without it and keeps dst, iif and type,
 * for which get passes variables. notify, the patched function, passes
 * constants for dst and iif too: lp.c's copy of fill, called by notify
 * alone, would be specialized for them as well. notify_default calls
 * fill through a macro that writes the arguments itself. */
#include <stddef.h>

struct msg { int len; int buf[64]; };
extern int put(struct msg *m, int attr, const void *p, int n);

static __attribute__((noinline)) int fill(struct msg *m, const int *dst, const int *src,
					  int iif, int type)
{
	int err = put(m, 1, &type, sizeof(type));

	if (!err && dst)
		err = put(m, 2, dst, 16);
	if (!err && src)
		err = put(m, 3, src, 16);
	if (!err && iif)
		err = put(m, 4, &iif, sizeof(iif));
	return err ? err : m->len;
}

int notify(struct msg *m, int type)
{
	return fill(m, NULL, NULL, 0, type);
}

int get(struct msg *m, const int *dst, int iif)
{
	return fill(m, dst, NULL, iif, 1);
}

#define FILL_DEFAULT(m, type) fill((m), NULL, NULL, 0, (type))

int notify_default(struct msg *m, int type)
{
	return FILL_DEFAULT(m, type) + 1;
}

