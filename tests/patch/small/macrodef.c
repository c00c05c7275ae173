/* A function defined through a macro, as SYSCALL_DEFINEn defines the kernel's. */
#define DEFINE1(name, t1, a1) long sys_##name(t1 a1)

DEFINE1(probe, int, x)
{
	return x * 3;
}
