static long espr_base = 10;

#define DEFINE_SLOT(n)							\
static long eu_slot_##n = 3;						\
long pu_slot_##n(void)							\
{									\
	return eu_slot_##n + espr_base + 4238;				\
}

DEFINE_SLOT(a)
DEFINE_SLOT(b)
