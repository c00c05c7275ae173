#ifndef AFTER_H
#define AFTER_H
#ifdef TMP_STEP
#error "TMP_STEP leaked out of pu_f"
#endif
static inline int after_val(void) { return 1; }
#endif
