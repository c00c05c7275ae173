#include "percpu.h"

/* One invocation defines a type, per-CPU state, plain state and a function. */
#define DEFINE_COUNTER(n)						\
struct ctr_##n {							\
	int hits;							\
};									\
									\
static DEFINE_PER_CPU(struct ctr_##n, eu_pcpu_##n) = {			\
	.hits = 1,							\
};									\
static long eu_total_##n = 7;						\
static long eur_seen_##n;						\
									\
int pu_bump_##n(void)							\
{									\
	eu_total_##n++;							\
	eur_seen_##n += eu_total_##n;					\
	return eu_pcpu_##n.hits + 4234;					\
}

DEFINE_COUNTER(a)
DEFINE_COUNTER(b)

int user(void)
{
	return pu_bump_b();
}
