#ifndef EV_TYPES_H
#define EV_TYPES_H
extern void ev_log(int);
/* read normally: an event only declares its inline caller */
#define EVENT(name, arg, val) static inline void ev_##name(int arg) { ev_log(ev_prep(arg)); }
#endif
