/* A function-like macro whose name is also an object and a function: the
 * name not followed by '(' is the object (a table) or the function's
 * address, (name)(x) calls the function, name(x) the macro. */
static int eu_cube[4] = { 0, 1, 8, 27 };
#define eu_cube(x) (eu_cube[(x) & 3] + 1000)

static int eu_twice(int v) { return 2 * v; }
#define eu_twice(v) (eu_twice(v) + 1)

typedef int (*fn)(int);

int pu_f(int x)
{
	fn f = eu_twice;
	int *t = eu_cube;

	return eu_cube(x) + t[2] + (eu_twice)(x) * 10 + eu_twice(x) * 100 + f(1) * 10000;
}
