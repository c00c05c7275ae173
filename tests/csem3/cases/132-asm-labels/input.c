int eu_asm_obj __asm__("renamed_obj") = 132;
extern int eu_asm_fun(int) __asm__("renamed_fun");
int eu_asm_fun(int v) { return v + eu_asm_obj; }
static int local_labeled(int v) __asm__("local_labeled_impl");
static int local_labeled(int v) { return v * 2; }

int pu_f(int x)
{
	eu_asm_obj = x;
	return eu_asm_fun(x) + local_labeled(x);
}
