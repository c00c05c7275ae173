/* beside the source: local to the "subsystem", not a shared header */
struct local_s {
	int a;
};
static inline int local_helper(const struct local_s *l)
{
	return l->a * 2;
}
