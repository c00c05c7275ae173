#define DEFINE_PER_CPU(type, name) \
	__attribute__((section(".data..percpu"))) __typeof__(type) name

#define DEFINE_SLOT(n)							\
static DEFINE_PER_CPU(long, eu_slot_##n) = 3;				\
long pu_slot_##n(void)							\
{									\
	return eu_slot_##n + 4235;					\
}

DEFINE_SLOT(a)
DEFINE_SLOT(b)
