/* One macro name redefined between two patched functions and a copied
 * helper between them, and #undef'd before a third: each use expands the
 * definition in effect where it is written (lp.c keeps that order). */
#define SCALE 3
static int first(int x) { return x * SCALE; }

int pu_a(int x) { return first(x) + SCALE; }

#undef SCALE
#define SCALE (10 + 1)
static int second(int x) { return x * SCALE; }

int pu_b(int x) { return second(x) + SCALE + pu_a(x); }

#undef SCALE
#ifndef SCALE
#define SCALE_GONE 1
#endif
int pu_c(int x) { return SCALE_GONE + pu_b(x); }
