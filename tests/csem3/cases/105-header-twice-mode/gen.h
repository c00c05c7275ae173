/* no guard: each inclusion defines the helper MODE selects */
#if MODE == 1
static int gen_one(int x) { return x + MODE; }
#elif MODE == 2
static int gen_two(int x) { return x - MODE; }
#endif
