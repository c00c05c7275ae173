/* _Static_assert at file scope (about copied types and externalized
 * arrays) and in block scope of the patched function and of a copied
 * helper: lp.c still compiles them, with the values of the original. */
struct hdr { unsigned char kind; unsigned short len; unsigned int crc; };
_Static_assert(sizeof(struct hdr) == 8, "hdr layout");

static int eu_table[6];
_Static_assert(sizeof(eu_table) / sizeof(eu_table[0]) == 6, "table size");

static int fill(int v)
{
	_Static_assert(sizeof(eu_table) == 24, "bytes");
	for (unsigned i = 0; i < sizeof(eu_table) / sizeof(eu_table[0]); i++)
		eu_table[i] = v + (int)i;
	return eu_table[5];
}

int pu_f(int x)
{
	struct hdr h = { 1, 2, 3 };

	_Static_assert(__builtin_offsetof(struct hdr, crc) == 4, "crc offset");
	return fill(x) + h.crc;
}
