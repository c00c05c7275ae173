#ifndef EV_H
#define EV_H
struct ev { int n; };
extern struct ev __ev_hit;
static inline void ev_hit(void) { __ev_hit.n++; }
#endif
#ifdef CREATE_EVENTS
#define DEFINE_EV(name) struct ev __ev_##name = { 0 }
DEFINE_EV(hit);
#undef CREATE_EVENTS
#endif
