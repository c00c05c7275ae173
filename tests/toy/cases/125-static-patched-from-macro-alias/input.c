#define DEFINE_STATIC_GETTER(n) static int pe_get_##n(void) { return 4250 + n; }

DEFINE_STATIC_GETTER(1)

int user(void)
{
	return pe_get_1();
}
