#define DEFINE_STATE(n)							\
static long esp_state_##n = 5;						\
long pu_state_##n(void)							\
{									\
	return esp_state_##n + 4236;					\
}

DEFINE_STATE(a)
