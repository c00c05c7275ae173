/* A local header (policies/kernel/may-include-header refuses it). */
struct cb { int enabled; void (*fn)(struct cb *); };

/* out of line in the target, not inlined into f: the running one is called */
static inline __attribute__((noinline)) void cb_reset(struct cb *c)
{
	if (c->enabled && c->fn)
		c->fn(c);
	c->enabled = 0;
}

/* inlined into f: copied */
static inline int cb_on(const struct cb *c)
{
	return c->enabled;
}

/* absent from the target: copied */
static inline int cb_unused_elsewhere(const struct cb *c)
{
	return c->fn != 0;
}
