/* Forwarding macros (__stringify as the kernel writes it): the argument is
 * expanded on its way to # or ##. */
#define __stringify_1(x...) #x
#define __stringify(x...) __stringify_1(x)
#define STR2(x) __stringify(x)
#define STR3(x) STR2(x)
#define __PASTE(a, b) a##b
#define PASTE(a, b) __PASTE(a, b)
#define CALL_NAMED(f, x) (f(x) * 100 + (int)sizeof(__stringify(f)))
#define VSTR(...) __stringify(__VA_ARGS__)
#define CALL_ALL(f, args...) (f(args) + (int)sizeof(VSTR(f, ##args)))
