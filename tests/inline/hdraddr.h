/* A header inline that compares a function's address and calls it
 * directly (the kernel's dst_mtu(): INDIRECT_CALL_INET(dst->ops->mtu,
 * ip6_mtu, ...)), the function defined by hdraddr.c. */
struct dst;
struct dst_ops { unsigned int (*mtu)(const struct dst *); };
struct dst { const struct dst_ops *ops; int locked; unsigned int metric; };
unsigned int plain_mtu(const struct dst *d);
#define likely(x) __builtin_expect(!!(x), 1)
#define CALL_1(f, f1, ...) \
	({ __typeof__(f) __f1 = (f); likely(__f1 == f1) ? f1(__VA_ARGS__) : __f1(__VA_ARGS__); })
static inline unsigned int metric_mtu(const struct dst *d, int fwd)
{
	return d->locked || fwd ? d->metric : d->metric - 40;
}
static inline unsigned int dst_mtu(const struct dst *d)
{
	return CALL_1(d->ops->mtu, plain_mtu, d);
}
