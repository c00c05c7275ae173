/*
 * Function-like macros #undef'd (or redefined object-like) after the
 * functions that use them: they are function-like where used. NAMED both
 * calls and stringizes its argument, so with a renamed pu_g its invocation
 * must keep "pu_g" for #: read as object-like, lp.c would write
 * NAMED(klpp_pu_g, x) and sizeof("klpp_pu_g") would change the result.
 */
#define STR(f) #f
#define NAMED(f, x) (f(x) * 100 + (int)sizeof(STR(f)))
#define TWICE(f, x) (f(f(x)))

int pu_g(int x) { return x + 1; }

int pu_f(int x)
{
	return NAMED(pu_g, x) + TWICE(pu_g, x);
}

#undef STR
#undef NAMED
#define NAMED 0
int other(void) { return NAMED; }
