/* tell() is static: GCC knows all its callers, which pass 0 or 1 (IPA
 * value ranges), and computes 5 - ptrace; a global tell() could be called
 * with anything. */
extern int flags;
extern void report(int why, int status);

static void __attribute__((noinline)) tell(int ptrace, int status)
{
	report(ptrace ? 4 : 5, status);
}

void wait_one(int status)
{
	tell(flags != 0, status);
}

void wait_two(int status)
{
	tell(flags > 8, status + 1);
}
