#ifndef DEEP_H
#define DEEP_H
#define SCALE 3

static inline int limit(int x)
{
	return x > 100 ? 100 : x;
}

/* unchanged, but calls what the patch changes */
static inline int limit_scaled(int x)
{
	return limit(x) * SCALE;
}

#define LIMIT_OF(x) limit(x)

static inline int untouched(int x)
{
	return x + 1;
}
#endif
