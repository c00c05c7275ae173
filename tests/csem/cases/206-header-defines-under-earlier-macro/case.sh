# Like a kernel trace event header under CREATE_TRACE_POINTS: the header
# defines its objects (by token pasting) only when the .c file defines a
# macro first. lp.c includes it without that macro: the running objects
# are used, none is defined again.
PATCHED=pu_f
includes '"ev.h"'
lp_lacks 'define CREATE_EVENTS'
undefined __ev_hit
defines klpp_pu_f T
