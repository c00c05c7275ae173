enum kind { K_NONE, K_SMALL = 4, K_BIG = K_SMALL * 4, K_LAST };
#define KIND_BITS 5
#define HAVE_BIG 1
