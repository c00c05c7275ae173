#ifndef STATE_GUARD
#define STATE_GUARD
#define STATE_MAX 16
int eu_state_tbl[STATE_MAX];
int eu_state_reset(void) { return eu_state_tbl[0] = 0; }
#endif
