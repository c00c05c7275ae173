/* A header's static inline keeping state: one instance per unit. */
static inline int next_id(void)
{
	static int eu_last;

	return ++eu_last;
}
