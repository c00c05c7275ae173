/* addrsplit.c's helpers: is_big() names kind(), a static inline. */
struct item {
	unsigned long bits;
	int len;
};

static inline unsigned int kind(const struct item *it)
{
	return (it->bits >> 4) & 7;
}

static inline int is_big(const struct item *it)
{
	return kind(it) > 3 && it->len > 16;
}
