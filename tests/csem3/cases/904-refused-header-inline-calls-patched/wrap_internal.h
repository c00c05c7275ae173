/* refused by the toy policy ("internal"): copied from */
#define WRAP(x) (pu_g(x) + 1)
static inline int twice_g(int x) { return pu_g(x) * 2; }
