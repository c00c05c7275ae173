#ifndef SLOTS_H
#define SLOTS_H
#define NEXT_SLOT() __COUNTER__
static inline int header_slot(void) { return NEXT_SLOT(); }
#endif
