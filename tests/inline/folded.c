/*
 * A static constant table GCC folds away (no symbol in the target) whose
 * values a compile-time check needs, and a writable static the target
 * keeps: the table is copied (there is nothing to bind to), the state is
 * externalized.
 */
static const unsigned char lens[] = { 8, 16, 24 };
static int uses;

static inline __attribute__((always_inline)) unsigned int total(void)
{
	return lens[0] + lens[1] + lens[2];
}

int f(int x)
{
	_Static_assert(sizeof(lens) == 3, "three");
	if (__builtin_constant_p(total()) && total() > 255)
		__builtin_trap();
	uses++;
	return x * (int)total();
}
