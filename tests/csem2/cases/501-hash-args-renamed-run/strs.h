#define CALL_AND_NAME(f, x) (f(x) * 100 + (int)sizeof(#f))
#define WITH_MY(f, x) (f(x) + my_##f(x))
