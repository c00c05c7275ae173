#include "types.h"

int pu_f(struct point p)
{
	return p.x + p.y4142;
}

/* Nothing below is needed by the patched functions. */
#define DECOY_MACRO 999
typedef long decoy_t;
struct decoy_s { decoy_t v; };
union decoy_u { int i; float f; };
enum decoy_e { DECOY_A = DECOY_MACRO };
static int decoy_obj = DECOY_A;

static int decoy_helper(struct decoy_s *s, union decoy_u *u)
{
	return s->v + u->i + decoy_obj;
}

int decoy_user(void)
{
	struct decoy_s s = { 0 };
	union decoy_u u = { 0 };

	return decoy_helper(&s, &u);
}
