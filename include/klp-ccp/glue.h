/* "klp-ccp glue": a buildable livepatch module from one or more reports. */
#ifndef KLP_CCP_GLUE_H
#define KLP_CCP_GLUE_H

#include <stdbool.h>
#include <stddef.h>

struct glue_options {
	const char *outdir;		/* created if missing */
	const char *name;		/* module name */
	const char *kdir;		/* default KDIR of the generated Makefile, or NULL */
	bool replace;			/* klp_patch.replace (atomic replace) */
	bool force;			/* statics without object facts: assume vmlinux */
	char *const *reports;
	size_t n_reports;
};

/* Default module name. */
#define GLUE_DEFAULT_NAME "klp_ccp_patch"

/* Generate everything into o->outdir, atomically. 0 or -1 (diagnosed). */
int glue_generate(const struct glue_options *o);

#endif
