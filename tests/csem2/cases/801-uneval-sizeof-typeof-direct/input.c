/* Functions and objects only named under sizeof, _Alignof and typeof. */
static int helper(int x) { return x + 1; }
static int espr_g(int x) { return x + 2; }
static long tab[10];
static long espr_obj[7];
static short eur_sh;
int ee_glob(int x) { return x; }

typedef __typeof__(ee_glob(0)) glob_ret_t;
typedef int my_typeof_t;
static int used(int x) { return x * 4; }

int pu_f(int x)
{
	__typeof__(espr_g(1)) y = 2;
	long z = (__typeof__(helper(3)))x;
	my_typeof_t u = (used(x));
	const __typeof__(tab[0]) v = 3;
	return sizeof(helper(x)) + sizeof(espr_g(x)) + _Alignof(tab) + sizeof espr_obj +
	       sizeof(tab) / sizeof(tab[0]) + sizeof(eur_sh) + y + (int)z + sizeof(glob_ret_t) + u + (int)v + 801;
}
