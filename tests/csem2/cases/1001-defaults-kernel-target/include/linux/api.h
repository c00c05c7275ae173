struct api_s {
	int v;
};
static inline int api_inline(const struct api_s *s)
{
	return s->v + 1;
}
