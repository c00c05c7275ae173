/* refused by the toy may-include-header ("internal" in its name) */
static inline int hdr_triple(int x)
{
	return x * 3;
}

static inline int hdr_addr(int x)
{
	return x + 7;
}
