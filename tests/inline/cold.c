/* tests/inline/cold.sh: report is called only by cold functions: GCC finds
 * it cold and puts it in .text.unlikely, optimized for size. A livepatch of
 * report has no callers: declared cold, it is compiled the same way. */
extern void out(const char *, long);
extern int verbose;

static void report(const char *what, long v, long w)
{
	for (int i = 0; i < 4; i++)
		if (verbose > i)
			out(what, v * i + w);
	out("end", v ^ w);
	if (v > w)
		out(what, v - w);
}

__attribute__((cold)) void step_fail(long a, long b)
{
	report("neg", a, b);
}

__attribute__((cold)) void scale_fail(long a)
{
	report("big", a, 0);
}
