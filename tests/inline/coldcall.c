/* coldcall.sh: reg_write is inlined where its callers are likely run, and
 * called (reg_write.constprop.N) at the unlikely ones: in first_cpu
 * (inlined into store) after the cold warn(), and in sync_target. */
#include "coldcall.h"

struct adj { long boot, adjusted; int warned; };
extern void warn(const char *fmt, ...) __attribute__((__cold__));
extern int async_resets;
extern struct adj *cur_adj(void);
extern int ref_cpu(void);
extern struct adj *adj_of(int cpu);

static void first_cpu(struct adj *cur, long boot, int bootcpu)
{
	if (bootcpu && boot != 0) {
		if (__builtin_expect(!async_resets, 1)) {
			warn("force %ld to 0\n", boot);
			reg_write64(0x3b, 0);
			boot = 0;
		} else {
			warn("not forced %ld\n", boot);
		}
	}
	cur->adjusted = boot;
}

int store(int bootcpu, long boot)
{
	struct adj *cur = cur_adj(), *ref;
	int refcpu;

	cur->boot = boot;
	cur->warned = 0;
	cur->adjusted = boot;
	refcpu = ref_cpu();
	if (refcpu < 0) {
		first_cpu(cur, boot, bootcpu);
		return 0;
	}
	ref = adj_of(refcpu);
	if (boot != ref->adjusted) {
		cur->adjusted = ref->adjusted;
		reg_write64(0x3b, ref->adjusted);
	}
	return 1;
}

void verify_adj(long boot)
{
	struct adj *cur = cur_adj();

	if (boot == cur->adjusted)
		return;
	reg_write64(0x3b, cur->adjusted);
	if (!cur->warned) {
		warn("adjust %ld\n", boot);
		cur->warned = 1;
	}
}

void sync_target(long v, int n)
{
	for (int i = 0; i < n; i++) {
		if (__builtin_expect(v == i, 0)) {
			warn("sync %d\n", i);
			reg_write64(0x3b, v);
		}
	}
}
