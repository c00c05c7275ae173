#include <linux/api.h>
#include "local.h"

/* a section only kernel objects have: the target counts as a kernel one */
static const char modinfo[] __attribute__((section(".modinfo"), used)) = "license=GPL";

int counter;

static int __attribute__((noinline)) bump(int x)
{
	return counter += x;
}

int pu_f(const struct api_s *s, const struct local_s *l)
{
	return api_inline(s) + local_helper(l) + bump(s->v) + 1001;
}
