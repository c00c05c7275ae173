__asm__(".text\n.globl eu_asm_fn\n.type eu_asm_fn, @function\neu_asm_fn:\n\tmovl $145, %eax\n\tret\n");
extern int eu_asm_fn(void);
static int wrap(void) { return eu_asm_fn() + 1; }

int pu_f(int x)
{
	return wrap() + x;
}
