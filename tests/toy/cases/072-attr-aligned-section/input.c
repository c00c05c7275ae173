static int buf[4] __attribute__((aligned(64))) = { 4172 };
static int tagged __attribute__((section(".data.klp_toy"))) = 5172;

int pu_f(void)
{
	_Static_assert(__alignof__(buf) == 64, "aligned attribute kept");
	return buf[0] + tagged;
}
