#define __MAP1(m, t, a) m(t, a)
#define __SC_DECL(t, a) t a
#define __SC_LONG(t, a) long a
#define __SC_CAST(t, a) (t) a
#define SYSCALL_DEFINE1(name, ...) \
	static inline long __do_sys_##name(__MAP1(__SC_DECL, __VA_ARGS__)); \
	static long __se_sys_##name(__MAP1(__SC_LONG, __VA_ARGS__)) \
	{ return __do_sys_##name(__MAP1(__SC_CAST, __VA_ARGS__)); } \
	long __x64_sys_##name(long a) { return __se_sys_##name(a); } \
	static inline long __do_sys_##name(__MAP1(__SC_DECL, __VA_ARGS__))

SYSCALL_DEFINE1(close, unsigned int, fd)
{
	return fd * 2;
}
