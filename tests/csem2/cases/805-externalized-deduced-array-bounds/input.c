/*
 * Externalized arrays whose outermost bound the initializer deduces: the
 * patched function's sizeof/ARRAY_SIZE must keep their values, whether the
 * declaration is written in place (unnamed element type) or from clang's
 * type, plainly or as a pointer (x_ names are only used in dead code, so the
 * NULL klpe_ pointers are never followed when the test runs).
 */
#define NTAB 4
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
struct item { int v; };

const struct { const char *n; int v; } eu_names[] = { { "a", 1 }, { "b", 2 }, { "c", 3 } };
static const struct { int v; } eupr_names[] = { { 1 }, { 2 }, { 3 }, { 4 }, { 5 } };
const struct { short a, b; } eu_sgrid [ ] [2] = { { { 1, 2 }, { 3, 4 } }, { { 5, 6 } }, { { 7 } } };
static const struct { char c; } eupr_sgrid[][3] = { { { 1 } }, { { 2 } }, { { 3 } }, { { 4 } } };
const struct { int v; } eu_named_bound[NTAB] = { { 1 } };
const struct item eu_items[] = { { 1 }, { 2 } };
static const struct item eupr_items[] = { { 1 }, { 2 }, { 3 }, { 4 }, { 5 }, { 6 } };
const char eu_msg[] = "hello, world";
static const char eupr_msg[] = "hi";
const int eu_grid[][3] = { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 9 }, { 0 } };

/* copied into lp.c: its references are rewritten too */
static int sizes(int x)
{
	int n = (int)(ARRAY_SIZE(eu_items) + 10 * ARRAY_SIZE(eupr_items) +
		      100 * sizeof(eu_msg) + 10000 * sizeof(eupr_msg) +
		      100000 * ARRAY_SIZE(eu_grid) + 1000000 * sizeof(eu_grid[0]));

	if (x < 0)
		return eupr_items[0].v + eupr_msg[0];
	return n + eu_items[x % 2].v + eu_msg[x % 12] + eu_grid[x % 4][1];
}

int pu_f(int x)
{
	int n = (int)(ARRAY_SIZE(eu_names) + 10 * ARRAY_SIZE(eupr_names) +
		      100 * ARRAY_SIZE(eu_sgrid) + 1000 * sizeof(eu_sgrid) +
		      100000 * ARRAY_SIZE(eupr_sgrid) + 1000000 * sizeof(eupr_sgrid) +
		      10000000 * ARRAY_SIZE(eu_named_bound));

	if (x < 0)
		return eupr_names[0].v + eupr_sgrid[0][0].c + eupr_items[0].v + eupr_msg[0];
	return n + eu_names[x % 3].v + eu_sgrid[x % 3][0].a + eu_named_bound[0].v - sizes(x);
}
