#define __stringify_1(x...) #x
#define __stringify(x...) __stringify_1(x)
/* __COUNTER__'s value depends on every expansion before: not expanded */
#define UNIQUE_NAMED(f) (f(1) + (int)sizeof(__stringify(f)) + __COUNTER__ * 0)
/* fine: expanded */
#define NAMED(f) (f(2) + (int)sizeof(__stringify(f)))

int pu_h(int x)
{
	return x + 1;
}

int pu_f(int x)
{
	return UNIQUE_NAMED(pu_h) + NAMED(pu_h) + x;
}
