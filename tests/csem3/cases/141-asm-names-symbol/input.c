__attribute__((used)) static int asm_target(void) { return 141; }
int eu_global_val = 5;

int pu_f(int x)
{
	int r;

	__asm__("call asm_target" : "=a"(r) : : "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "memory");
	return r + x + eu_global_val;
}
