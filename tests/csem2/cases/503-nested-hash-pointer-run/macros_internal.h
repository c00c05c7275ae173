/* not includable (toy policy): its macros are re-emitted in lp.c */
#define __stringify_1(x...) #x
#define __stringify(x...) __stringify_1(x)
#define TRACE_NAME(f) __stringify(f)
#define __TRACE_COUNT(f) eu_##f
#define TRACE_COUNT(f) __TRACE_COUNT(f)
#define CALL_TRACED(f, x) (f(x) + TRACE_COUNT(f))
#define CHECKED(o) ({ _Static_assert(sizeof(__stringify(o)) == sizeof("eepr_obj"), __stringify(o)); o; })
#define OBJ_AND_NAME(o) (o + (int)sizeof(#o))
