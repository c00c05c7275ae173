/* a local header (not includable with the toy policy): its parts are copied */
#define FEAT(name, enabled)	__FEAT_##name,
enum {
#include "features.def"
	__FEAT_NR,
};
#undef FEAT

#define FEAT(name, enabled)	(1UL << __FEAT_##name) * enabled |
static const unsigned long feat_default = 
#include "features.def"
	0;
#undef FEAT

#define feat(x) (feat_default & (1UL << __FEAT_##x))
