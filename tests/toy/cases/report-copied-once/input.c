/* A macro that declares and then defines a helper at one place, as the
 * kernel's SYSCALL_DEFINE does: the report lists the helper once. */
#define DEFINE_HELPER(name, val)				\
	static int name(int x);					\
	static int name(int x) { return x + (val); }

DEFINE_HELPER(add_three, 3)

int patched(int x)
{
	return add_three(x) * 2;
}
