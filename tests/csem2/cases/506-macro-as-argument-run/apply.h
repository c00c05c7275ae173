/* Macros called through a parameter: the macro is an argument. */
#define STR_1(x) #x
#define STR(x) STR_1(x)
#define RAWSTR(x) #x
#define APPLY(m, x) m(x)
#define APPLY2(m, x) APPLY(m, x)
/* the argument is both passed to the macro parameter and called */
#define NAME_AND_CALL(m, f, v) ((int)sizeof(m(f)) * 100 + f(v))
/* variadic: the macro and its arguments all come through __VA_ARGS__ */
#define APPLY_VA(m, ...) m(__VA_ARGS__)
/* pasting through a macro argument */
#define PFX_1(x) eu_##x
#define PFX(x) PFX_1(x)
/* stringizes its argument itself: the unit is renamed by #define pu_h */
#define DIRECT(f) ((int)sizeof(#f) + f(1))
