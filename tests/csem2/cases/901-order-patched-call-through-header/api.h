int pu_c(int x);
int pu_e(int x);
#define CALLE(x) pu_e(x)
