/* what GCC knew about externalized callees stays on their declarations */
extern int sink(const char *);

static __attribute__((noinline, noclone)) void oops(const char *m)
{
	sink(m);
	__builtin_trap();
}

/* the target is built with it cold (-DREPORT_ATTR=...), lp.c's source without */
#ifndef REPORT_ATTR
#define REPORT_ATTR
#endif
static __attribute__((noinline, noclone)) REPORT_ATTR void report(const char *m)
{
	sink(m);
	sink("report");
}

static __attribute__((noinline, noclone, cold)) int slow(int x)
{
	return sink("slow") + x;
}

static __attribute__((noinline, noclone, pure)) int peek(const int *p)
{
	return *p;
}

int f(int x, const int *p)
{
	if (x < 0) {
		report("negative");
		oops("negative");
	}
	if (x > 100)
		return slow(x);
	return peek(p) + x;
}
