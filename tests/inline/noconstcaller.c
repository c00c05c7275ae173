/* noconstcaller.sh: the static se_sys is inlined into both x64_sys and
 * ia32_sys, each passing it what the registers hold; it calls the header
 * style inline zero, which other functions call too. A livepatch of
 * x64_sys copies se_sys, called with no constant argument. */
struct regs { long di, si, dx, bx, cx; };
int set_mask(long pid, unsigned long *mask);
long copy_in(unsigned long *to, const void *from, unsigned long n);
extern unsigned int nr_ids;
long x64_sys(const struct regs *r);
long ia32_sys(const struct regs *r);
void clear_a(unsigned long *p);
void clear_b(unsigned long *p, unsigned int n);

static inline void zero(unsigned long *p, unsigned int nbits)
{
	if (__builtin_constant_p(nbits) && nbits <= 64)
		*p = 0;
	else
		__builtin_memset(p, 0, (nbits + 63) / 64 * 8);
}

static int get_mask(const void *user, unsigned int len, unsigned long *mask)
{
	if (len < (nr_ids + 63) / 64 * 8)
		zero(mask, nr_ids);
	else if (len > (nr_ids + 63) / 64 * 8)
		len = (nr_ids + 63) / 64 * 8;
	return copy_in(mask, user, len) ? -14 : 0;
}

static long se_sys(long pid, long len, long user)
{
	unsigned long mask[16];
	int r = get_mask((const void *)user, (unsigned int)len, mask);

	if (!r)
		r = set_mask(pid, mask);
	return r;
}

long x64_sys(const struct regs *r)
{
	return se_sys(r->di, r->si, r->dx);
}

long ia32_sys(const struct regs *r)
{
	return se_sys(r->bx, r->cx, r->dx);
}

void clear_a(unsigned long *p)
{
	zero(p, nr_ids);
}

void clear_b(unsigned long *p, unsigned int n)
{
	zero(p, n);
}
