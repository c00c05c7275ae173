/* as TRACE_EVENT under CREATE_TRACE_POINTS defines it */
#define DEFINE_EVENT_FN(name) \
	void __traceiter_##name(void *data, int x) { (void)data; (void)x; }
DEFINE_EVENT_FN(sample)
