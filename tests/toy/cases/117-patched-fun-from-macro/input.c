static int a_val = 4170;
static int b_val;

#define DEFINE_GETTER(n) int pu_get_##n(void) { return n##_val + 1; }

DEFINE_GETTER(a)
DEFINE_GETTER(b)

int user(void)
{
	return pu_get_b();
}
