/* selfcall.sh: uses of f that are no call. */
#ifdef ADDRESS
/* its address must stay the running f's */
static inline void *f_address(void)
{
	return (void *)f;
}
#else
struct ops { int (*f)(int); };
#endif
