/* a handler macro: the body follows the invocation, as in SYSCALL_DEFINE */
#define DEFINE_HANDLER(name) \
	static int do_##name(int x); \
	int name(int x) { return do_##name(x) + 1; } \
	static int do_##name(int x)

DEFINE_HANDLER(on_hit)
{
	return x * 2;
}
