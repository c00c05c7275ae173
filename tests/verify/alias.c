/* tests/verify/run.sh alias: work is an alias of the static do_work (as
 * SYSCALL_DEFINE0's __x64_sys_NAME of __do_sys_NAME): one code, two
 * function symbols, one __mcount_loc entry (-pg -mrecord-mcount) that
 * belongs to both. */
int sink(int);

static int do_work(int x)
{
	return sink(x) + 1;
}

int work(int x) __attribute__((__alias__("do_work")));
