/* not includable (toy policy): its macros are re-emitted in lp.c */
#define CALL_CHECKED(f, x) ({ _Static_assert(sizeof(#f) == 7, #f); f(x); })
#define CALL_TRACED(f, x) (f(x) + trace_##f)
