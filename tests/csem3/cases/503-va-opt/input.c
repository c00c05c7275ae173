#define STR_(x) #x
#define STR(x) STR_(x)
#define LOG(fmt, ...) log_it(fmt __VA_OPT__(,) __VA_ARGS__)
#define NAME_OF(f, ...) STR(f) __VA_OPT__("+" STR(__VA_ARGS__))
static int log_it(const char *s, ...) { int n = 0; while (*s) n += *s++; return n; }
int pu_helper(int v) { return v + 503; }
static int sum(const char *s) { int n = 0; while (*s) n = n * 31 + *s++; return n; }

int pu_f(int x)
{
	return LOG("a") + LOG("b%d", x) + pu_helper(x) + sum(NAME_OF(pu_helper, x)) + sum(NAME_OF(pu_helper));
}
