struct error_injection_entry {
	unsigned long addr;
	int etype;
};
#define ALLOW_ERROR_INJECTION(fname, _etype)					\
	static struct error_injection_entry __attribute__((__used__))		\
		__attribute__((__section__("_error_injection_whitelist")))	\
		_eil_addr_##fname = {						\
			.addr = (unsigned long)fname,				\
			.etype = _etype,					\
		}
#define DEFINE_ENTRY(name)							\
	long pu_##name(long x);							\
	ALLOW_ERROR_INJECTION(pu_##name, 1);					\
	long pu_##name(long x)

DEFINE_ENTRY(close)
{
	return x * 2;
}
