#ifndef FEAT_H
#define FEAT_H
#ifdef FEATURE_X
#define FEAT_VAL 7
#else
#define FEAT_VAL 3
#endif
static inline int feat_scale(int v)
{
#ifdef FEATURE_X
	return v * 100;
#else
	return v * 2;
#endif
}
#endif
