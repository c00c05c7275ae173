/* Stage "report": a YAML description of the livepatch, for module glue. */
#ifndef KLP_CCP_REPORT_H
#define KLP_CCP_REPORT_H

#include "klp-ccp/gcc_cmdline.h"
#include "klp-ccp/model.h"

/* Build the report text; -1 with an error printed on failure. */
int report_build(struct model *m, const struct gcc_cmdline *cl, const char *source,
		 const char *outfile, struct strbuf *out);

#endif
