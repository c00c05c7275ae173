/*
 * The original does not compile with GCC here (its assembler rejects the
 * file-scope asm, which libclang never assembles): the symbol of the
 * static local is unknown.
 */
__asm__("klp_ccp_not_an_instruction %eax");

int pu_count(int x)
{
	static int eu_calls;

	return x + ++eu_calls;
}
