#include "decls.h"
int pu_a(int x) { return x <= 0 ? 0 : pu_b(x - 1) + helper_c(x); }
static int helper_c(int x) { return pu_b(x) + 1; }
static int pu_b(int x) { return x * 3 + 904; }
