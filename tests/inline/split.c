/* GCC splits lookup and slookup (partial inlining): their callers inline
 * the cached-value test and call lookup.part.0 / slookup.part.0. */
struct req { int cached; int n; int v[8]; };
extern int audit_enabled;
extern void log_it(int, int);
extern int compute(int);

int lookup(struct req *r, int flags)
{
	int sum = 0;

	if (__builtin_expect(r->cached != 0, 1))
		return r->cached;
	for (int i = 0; i < r->n; i++) {
		sum += compute(r->v[i] * flags);
		if (audit_enabled)
			log_it(i, sum);
	}
	log_it(-1, sum);
	r->cached = sum;
	return sum;
}

static int slookup(struct req *r, int flags)
{
	int sum = 1;

	if (__builtin_expect(r->cached > 0, 1))
		return r->cached;
	for (int i = 0; i < r->n; i++) {
		sum *= compute(r->v[i] + flags);
		if (audit_enabled)
			log_it(i, sum);
	}
	log_it(-2, sum);
	r->cached = sum;
	return sum;
}

int lookup_user(struct req *r, int flags)
{
	return lookup(r, (flags & 4) << 2) + slookup(r, flags) + 1;
}

int lookup_kernel(struct req *r)
{
	return lookup(r, 0) + 2;
}

int slookup_kernel(struct req *r)
{
	return slookup(r, 0) + 3;
}
