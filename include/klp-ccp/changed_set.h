/*
 * Comparing two builds of a translation unit function by function, grouped
 * by source function (clone symbols count for the function they came from).
 */
#ifndef KLP_CCP_CHANGED_SET_H
#define KLP_CCP_CHANGED_SET_H

#include <stdint.h>

#include "klp-ccp/maps.h"
#include "klp-ccp/objcmp.h"
#include "klp-ccp/util.h"

enum kind { K_CHANGED, K_ADDED, K_REMOVED, K_LINE_ONLY, K_SAME, K_NKINDS };
extern const char *const change_kind_names[];

struct group {
	char *name;			/* source function */
	struct strlist syms;		/* symbols, both objects, sorted, unique */
	size_t *fa, *fb;		/* function indexes in ORIG / PATCHED */
	size_t na, nb, capa, capb;
	enum kind kind;
	int64_t delta;
	char *reason;
};

struct groups {
	struct group *v;
	size_t n, cap;
	struct strmap index;
};

/* Group the functions of a (original) and b (patched) and classify them. */
void changed_groups_build(struct groups *g, const struct objcmp_obj *a,
			  const struct objcmp_obj *b);
void changed_groups_release(struct groups *g);

#endif
