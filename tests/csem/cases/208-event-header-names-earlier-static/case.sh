# Like net/ipv6/route.c's ip6_rt_type_to_error: a static function the .c
# file declares before a trace-event-like header, named by the header only
# in what its definitions under CREATE_EVENTS evaluate (the re-read's
# EVENT bodies). lp.c includes the header without CREATE_EVENTS, so nothing
# it compiles names ev_kind: no copy (it would be defined but not used:
# -Werror=unused-function) and no static prototype (declared but never
# defined). ev_prep, called by the inline the header still declares, is
# decided as before (copied, or externalized by the defaults: noinline, so
# the running binary has it).
PATCHED=pu_f
CFLAGS="$CFLAGS -Werror"
includes '"ev.h"'
lp_lacks 'ev_kind'
lp_lacks 'define CREATE_EVENTS'
not_defined ev_probe_hit
not_referenced ev_kind
undefined ev_log
defines klpp_pu_f T
if defaults_mode; then undefined ev_prep; else defines ev_prep t; fi
