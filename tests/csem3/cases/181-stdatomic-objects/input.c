/*
 * _Atomic objects used through GCC's <stdatomic.h> (whose macros apply
 * GCC's __atomic builtins to them, which clang rejects) and through those
 * builtins written directly: the unit extracts, lp.c compiles with GCC's
 * own header, and the state is the running code's.
 */
#include <stdatomic.h>

struct pair { int lo, hi; };

static _Atomic int eu_hits;
static atomic_long eu_total = ATOMIC_VAR_INIT(10);
static atomic_flag eu_once = ATOMIC_FLAG_INIT;
static _Atomic struct pair eu_last;
static int eu_plain;

static int note(int x)
{
	struct pair p = { x, -x };
	int expect = 0;

	atomic_store_explicit(&eu_last, p, memory_order_release);
	atomic_compare_exchange_strong(&eu_hits, &expect, 100);
	return atomic_flag_test_and_set(&eu_once) ? 1 : 0;
}

int pu_step(int x)
{
	int seen = note(x);

	atomic_fetch_add(&eu_hits, x);
	atomic_fetch_sub_explicit(&eu_total, 1, memory_order_relaxed);
	__atomic_add_fetch(&eu_hits, 1, __ATOMIC_SEQ_CST);
	__atomic_fetch_or(&eu_plain, x, __ATOMIC_RELAXED);
	return atomic_load(&eu_hits) * 10 + (int)atomic_load(&eu_total) + seen * 1000 +
	       atomic_load(&eu_last).hi + eu_plain * 100000;
}
