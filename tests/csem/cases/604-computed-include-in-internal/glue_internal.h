#define PLAT_HEADER <plat.h>
#include PLAT_HEADER
static inline int plat_id(plat_t *p) { return p->id; }
