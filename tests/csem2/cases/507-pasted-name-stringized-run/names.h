/* Names made by pasting, then stringized. */
#define STR_1(x...) #x
#define STR(x...) STR_1(x)
#define CAT_1(a, b) a##b
#define XCAT(a, b) CAT_1(a, b)
#define NAME_OF(a, b) STR(XCAT(a, b))
#define VNAME(...) STR(XCAT(__VA_ARGS__))
/* stringizes its argument itself: the unit is renamed by #define pu_h */
#define DIRECT(f) ((int)sizeof(#f) + f(1))
