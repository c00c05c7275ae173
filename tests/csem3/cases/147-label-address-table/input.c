/*
 * A computed goto through a static table of label addresses, as the
 * kernel's BPF interpreter dispatches; a plain static local beside it.
 */
static int dispatches;

int pu_f(int x)
{
	static void *table[] = { &&op_add, &&op_double, &&op_done };
	int acc = x, pc = 0;
	static const unsigned char prog[] = { 0, 1, 0, 2 };

	dispatches++;
	goto *table[prog[pc]];
op_add:
	acc += 3;
	goto *table[prog[++pc]];
op_double:
	acc *= 2;
	goto *table[prog[++pc]];
op_done:
	return acc;
}
