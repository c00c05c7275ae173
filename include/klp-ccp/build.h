/*
 * "klp-ccp build": from a fix to a livepatch module in one command. The
 * patch is split per translation unit, each unit is extracted by a child
 * klp-ccp run in the kernel tree (in parallel), the reports are glued and
 * the module is built against the tree with its klp relocations.
 */
#ifndef KLP_CCP_BUILD_H
#define KLP_CCP_BUILD_H

#include <stdbool.h>
#include <sys/types.h>

#include "klp-ccp/util.h"

struct build_unit {
	char *source;			/* DIR/NAME.c, relative to the tree */
	char *object;			/* DIR/NAME.o */
	char *base;			/* DIR_NAME: its files in OUTDIR/units/ */
	struct strbuf patch;		/* its part of the patch (and the header parts) */
	struct strbuf origin;		/* --patch-origin's K=N,...: where they are in --patch */
	unsigned patch_lines;		/* lines in patch */
	struct strlist functions;	/* from --patched-functions=UNIT:F,G */
	struct strlist targets;		/* --target-object of its extraction */
	char *ipa_dump;			/* the tree's clone dump of it, or NULL */
	pid_t pid;			/* its extraction while it runs */
	int status;			/* waitpid status of its extraction */
};

struct build_options {
	const char *tree;		/* absolute */
	const char *patch;		/* absolute; NULL: --patched-functions only */
	const char *patch_name;		/* --patch as given: named in diagnostics */
	const char *outdir;		/* absolute */
	const char *name;		/* module name */
	struct strlist unit_functions;	/* --patched-functions=UNIT:F,G, as given */
	struct strlist extra_units;	/* --unit=DIR/NAME.c */
	struct strlist target_objects;	/* absolute; empty: chosen per unit */
	struct strlist ipa_clones;	/* absolute; empty: the tree's dumps */
	const char *symvers;		/* absolute, or NULL when the tree has none */
	struct strlist child_opts;	/* policy options for every extraction */
	int jobs;
	bool replace;
};

struct build_plan {
	struct build_unit *units;
	size_t n, cap;
	struct strlist headers;		/* the patch's header parts */
	unsigned *header_lines;		/* where each starts in the patch */
	struct strlist header_names;	/* their files, relative to the tree */
};

/* build_units.c: the units, their patch parts, objects and facts. 0 or -1. */
int build_plan_units(const struct build_options *o, struct build_plan *plan);
void build_plan_release(struct build_plan *plan);

/* build_run.c: write each unit's patch part, run the extractions. 0 or -1. */
int build_run_extractions(const struct build_options *o, struct build_plan *plan);
/* Run "make" on the glued module in OUTDIR (log OUTDIR/make.log). 0 or -1. */
int build_run_make(const struct build_options *o);

/* build_summary.c: what was patched, externalized, klp-relocated; the .ko. */
int build_print_summary(const struct build_options *o, const struct build_plan *plan);

#endif
