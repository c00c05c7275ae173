#if !defined(EV_H) || defined(EV_MULTI_READ)
#define EV_H
#include "ev_types.h"
/* ev_kind is named only in the argument the declaring EVENT drops */
EVENT(hit, n, ev_kind(n))
#endif
#include "define_ev.h"
