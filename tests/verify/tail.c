/* tests/verify/run.sh tailjmp: wrap tail-calls cmp, which precedes it in
 * .text: the assembler encodes that jump in 2 bytes (jmp rel8, no
 * relocation); lp.c's build jumps to an external cmp in 5 (a relocation). */
int __attribute__((noinline)) cmp(const unsigned char *a, const unsigned char *b, unsigned long n)
{
	for (unsigned long i = 0; i < n; i++)
		if (a[i] != b[i])
			return a[i] < b[i] ? -1 : 1;
	return 0;
}

int __attribute__((noinline)) other(const unsigned char *a, const unsigned char *b, unsigned long n)
{
	return n ? a[0] - b[n - 1] : 0;
}

int wrap(const unsigned char *a, const unsigned char *b, unsigned long n)
{
	return cmp(a, b, n);
}
