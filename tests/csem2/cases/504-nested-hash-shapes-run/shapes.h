#define __stringify_1(x...) #x
#define __stringify(x...) __stringify_1(x)
#define eu_same eu_same
/* the argument both stringized and called, once more forwarded */
#define NAMED_CALL(f, x) (f(x) + (int)sizeof(__stringify(f)) * 1000)
#define NAMED_CALL2(f, x) NAMED_CALL(f, x)
/* GNU ", ## args" with and without arguments, named variadic */
#define LOG(fmt, args...) log_sum(fmt, 0, ## args)
#define LOG_NAME(f, args...) LOG(__stringify(f) ":%d", ## args)
/* names left unexpanded inside their own expansion, then stringized */
#define AA BB
#define BB AA
/* spaces and string literals in a stringized argument */
#define QUOTE(x...) __stringify(x)
/* pasting with an empty argument (placemarker) and into a number */
#define __CAT3(a, b, c) a##b##c
#define CAT3(a, b, c) __CAT3(a, b, c)
/* a macro argument that expands to another macro's invocation */
#define ID(x) x
#define WRAP(f) ID(__stringify(f))
/* __LINE__ reaches # after forwarding */
#define AT(f) __stringify(f) "@" __stringify(__LINE__)
/* stringizes its argument itself: the unit is renamed by #define pu_h */
#define DIRECT(f) ((int)sizeof(#f) + f(1))
