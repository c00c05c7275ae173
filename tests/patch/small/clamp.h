#ifndef CLAMP_H
#define CLAMP_H
#define LIMIT 100

static inline int clamp(int x)
{
	return x > LIMIT ? LIMIT : x;
}

static inline int twice(int x)
{
	return 2 * x;
}
#endif
