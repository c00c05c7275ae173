#if __has_include("present.h")
#include "present.h"
#define HAVE_PRESENT 1
#else
#define PRESENT_VAL 1
#endif
#if __has_include("absent_hdr.h")
#define ABSENT_VAL 1000
#else
#define ABSENT_VAL 2
#endif
#if defined(__has_include) && __has_include(<stddef.h>)
#include <stddef.h>
#define OFF(t, m) offsetof(t, m)
#else
#define OFF(t, m) 0
#endif
struct pair { int a, b; };

int pu_f(int x)
{
#ifdef HAVE_PRESENT
	x += 5;
#endif
	return x + PRESENT_VAL + ABSENT_VAL + (int)OFF(struct pair, b);
}
