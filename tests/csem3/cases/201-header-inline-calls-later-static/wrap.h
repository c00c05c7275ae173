/* needs cfg_t, base_of and USE_FAST from the file before it */
#if USE_FAST
static inline int wrap(const cfg_t *c, int x) { return base_of(x) * c->mul + c->add; }
#else
static inline int wrap(const cfg_t *c, int x) { return -1; }
#endif
