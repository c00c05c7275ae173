#define HERE __LINE__
#define WHERE_FILE __FILE__
#define CAT_(a, b) a##b
#define CAT(a, b) CAT_(a, b)
#define UNIQ_VAR(p) CAT(p, __COUNTER__)
static int f_len(const char *s) { int n = 0; while (*s++) n++; return n; }

int pu_f(int x)
{
	int line = HERE;
	int UNIQ_VAR(tmp_) = x, UNIQ_VAR(tmp_) = 2 * x;
	return line * 1000 + f_len(WHERE_FILE) * 10 + x;
}
