/*
 * __COUNTER__ in copied code: lp.c is another translation unit, so its
 * counter would restart at 0 where the original's had counted every
 * expansion before. Where copied code uses the value (an index, a
 * comparison: not only a name made by ## or a string made by #), lp.c
 * advances the counter before that unit to the original's value there.
 */
#ifndef KLP_CCP_COUNTER_H
#define KLP_CCP_COUNTER_H

#include "klp-ccp/gcc_cmdline.h"
#include "klp-ccp/model.h"
#include "klp-ccp/util.h"

/* Where in lp.c's text the units that need the original's values start. */
struct counter_site {
	int unit;
	size_t offset;
};
struct counter_sites {
	struct counter_site *v;
	size_t n, cap;
};

/*
 * Does copied unit use __COUNTER__'s value, written or through the macros
 * it invokes? Uses that only make names (## operands) or strings (#) do
 * not count: the values need only be distinct there.
 */
bool counter_unit_uses_value(struct model *m, int unit);

/*
 * Insert into lp (lp.c's text, to be written as outfile) before each site
 * what advances __COUNTER__ to the original's value there: measured by
 * preprocessing the original and lp.c with the original command line.
 * A value lp.c has passed already, or a preprocessing that fails, is a
 * warning (lp.c stays as it was). -1 only when no scratch directory can be
 * made (printed).
 */
int counter_fix(struct model *m, const struct gcc_cmdline *cl, const char *outfile,
		const struct counter_sites *sites, struct strbuf *lp);

#endif
