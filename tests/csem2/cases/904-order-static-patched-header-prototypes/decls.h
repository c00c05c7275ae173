static int pu_b(int x);
static int helper_c(int x);
