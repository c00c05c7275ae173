/* as <trace/define_trace.h>: under CREATE_EVENTS, read ev.h again to define */
#ifdef CREATE_EVENTS
#undef CREATE_EVENTS
#define EV_MULTI_READ
#undef EVENT
#define EVENT(name, arg, val) static void ev_raw_##name(int arg) { ev_log(val); } \
	void (*ev_probe_##name)(int) = ev_raw_##name;
#include "ev.h"
#undef EV_MULTI_READ
#define CREATE_EVENTS
#endif
