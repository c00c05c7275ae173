static __attribute__((noinline)) int slow_path(int v) { return v * 3; }
#define SCALE(v) (__builtin_constant_p(v) ? (v) * 3 : slow_path(v))
static inline int scale_inl(int v) { return SCALE(v); }

int pu_f(int x)
{
	int a = SCALE(4);
	int b = SCALE(x);
	int c = scale_inl(5);
	return a * 10000 + b * 100 + c;
}
