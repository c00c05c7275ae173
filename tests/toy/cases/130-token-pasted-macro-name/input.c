#define FLAG_A 4
#define FLAG_B 8
#define GETTER(name, flag, ...) static inline int has_##name(int x) { return x & FLAG_##flag; }
#define LOG(fmt, ...) log_it(fmt, ##__VA_ARGS__)

int log_it(const char *fmt, ...);

GETTER(a, A)
GETTER(b, B)

int pu_f(int x)
{
	LOG("x=%d", x);
	return has_a(x) + 4300;
}
