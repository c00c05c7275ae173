static _Thread_local int tls_count = 5;
static int in_sec __attribute__((section(".data.klp134"))) = 7;
__thread int eu_g_tls = 3;
_Thread_local int eup_tls_ptr = 4;

int pu_f(int x)
{
	tls_count = x;
	eu_g_tls = x + 1;
	in_sec = x;
	eup_tls_ptr = x + 2;
	return tls_count * 1000 + eu_g_tls * 100 + in_sec * 10 + eup_tls_ptr;
}
