/* A compound literal in the patched function holding a static function's
 * address (bound to the running one) and a call through it. eu_triple's
 * address escapes (a global table holds it), so the running binary has it;
 * GCC folded eu_double's only uses away, so it has no symbol to bind to. */
struct ops { int (*fn)(int); int scale; };
static int eu_triple(int v) { return v * 3; }
static int eu_double(int v) { return v * 2; }
int (*const triple_table[])(int) = { eu_triple };

static int run(const struct ops *o, int v) { return o->fn(v) * o->scale; }

int pu_run(int x)
{
	return run(&(struct ops){ .fn = eu_triple, .scale = 2 }, x) +
	       ((struct ops){ eu_triple, 1 }).fn == eu_triple +
	       run(&(struct ops){ .fn = eu_double, .scale = 1 }, x);
}
