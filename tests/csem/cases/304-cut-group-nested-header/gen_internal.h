#define CFG_LEVEL 3
#if CFG_LEVEL > 2
# ifdef CFG_SMALL
static inline short gen_val(void)
{
	return 1;
# else
static inline long gen_val(void)
{
	long v = CFG_LEVEL;
# endif
#else
static inline int gen_val(void)
{
	int v = 0;
#endif
	return v;
}
