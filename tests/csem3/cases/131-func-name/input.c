static int hash(const char *s) { int n = 0; while (*s) n = n * 33 + *s++; return n; }
#define WHO() hash(__func__)

int pu_g(int v) { return v + (int)sizeof(__PRETTY_FUNCTION__); }
__attribute__((noinline)) static int who_helper(int v) { return hash(__func__) + pu_g(v); }

int pu_f(int x)
{
	return hash(__func__) + WHO() + hash(__FUNCTION__) + (int)sizeof(__func__) + x +
	       who_helper(x);
}
