/* Bit-field widths from macros and enumerators, signed and unsigned
 * plain-int bit-fields (GCC: signed), an enum-typed bit-field, and an
 * externalized object of that type updated through them. */
#define WIDTH 3
enum { SHIFT_BITS = 5 };
enum mode { M_OFF, M_ON, M_AUTO };

struct flags {
	unsigned int low : WIDTH;
	int sgn : WIDTH + 1;
	unsigned int mid : SHIFT_BITS;
	enum mode m : 2;
	unsigned int : 0;
	unsigned int top : 1;
};

static struct flags eu_f = { 1, -2, 9, M_AUTO, 1 };

int pu_f(int x)
{
	eu_f.low += x;
	eu_f.sgn = x;
	eu_f.mid ^= x;
	return eu_f.low * 10000 + eu_f.sgn * 1000 + eu_f.mid * 10 + eu_f.m + eu_f.top +
	       (int)sizeof(struct flags) * 100000;
}
