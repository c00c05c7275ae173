static int helper(int);
static int hidden;
extern int hidden;
extern const int eu_limit;
const int eu_limit = 126;

int helper(int v) { hidden = v; return v + hidden; }

int pu_f(int x)
{
	extern int helper(int);
	return helper(x) + eu_limit;
}
