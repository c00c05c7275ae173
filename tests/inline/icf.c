/*
 * GCC's identical code folding (icf.sh): compat_sys_io's body is sys_io's, so
 * GCC makes it a call to sys_io and inlines sys_io back into it: the target
 * has compat_sys_io's code (do_io inlined) without DWARF of its own. do_io
 * keeps a body for the callers passing flags.
 */
extern long ext_read(long fd, void *buf, long n);
extern void ext_put(long fd);
extern void ext_note(long fd, long n);
extern long counter;

static long do_io(long fd, void *buf, long n, int flags)
{
	long r;

	if (n < 0)
		return -22;
	r = ext_read(fd, buf, n);
	if (r > 0)
		counter += r;
	if (flags & 1)
		ext_put(fd);
	if (flags & 2)
		ext_note(fd, r);
	if (flags & 4)
		ext_note(fd + r, n);
	return r;
}

long sys_io(long fd, void *buf, long n)
{
	return do_io(fd, buf, n, 0);
}

long compat_sys_io(long fd, void *buf, long n)
{
	return do_io(fd, buf, n, 0);
}

long sys_io2(long fd, void *buf, long n, int flags)
{
	return do_io(fd, buf, n, flags);
}

long sys_io3(long fd, void *buf, long n, int flags)
{
	return do_io(fd + 1, buf, n, flags) + 1;
}

long sys_io4(long fd, void *buf, long n, int flags)
{
	return do_io(fd + 2, buf, n, flags) + 2;
}
