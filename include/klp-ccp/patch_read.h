/*
 * Reading a unified diff (--patch): the files it changes and, per file, the
 * lines its hunks touch. No file is opened here.
 */
#ifndef KLP_CCP_PATCH_READ_H
#define KLP_CCP_PATCH_READ_H

#include "klp-ccp/patch_mode.h"
#include "klp-ccp/util.h"

/* A hunk as the patch has it, to name it when it does not apply cleanly. */
struct patch_hunk {
	unsigned line;		/* its "@@" line in the patch file */
	char *header;		/* "@@ -a,b +c,d @@", without the function context */
};

struct patch_file {
	char *path;		/* in the user's tree, relative to cwd */
	struct strlist touched;	/* original line numbers touched, as decimal strings */
	size_t first_shift;	/* its first hunk's entry in patch_info.shifts */
	struct line_span *spans;	/* what changed, in the patched text's lines */
	size_t n_spans, cap_spans;
	struct patch_hunk *hunks;	/* in patch order: GNU patch's "Hunk #N" is hunks[N-1] */
	size_t n_hunks, cap_hunks;
};

/*
 * The --patch file was cut out of a larger patch (klp-ccp build gives each
 * unit its part): diagnostics name that patch and its lines. Line from[i]
 * of the --patch file and those after it are lines to[i].. of name.
 */
struct patch_origin {
	const char *name;	/* the patch to name in diagnostics */
	unsigned *from, *to;	/* ascending from[], n entries; none: the file itself */
	size_t n;
};

struct patch_info {
	const struct patch_origin *origin;	/* NULL: lines are the file's own */
	struct patch_file *files;
	size_t n, cap;
	int strip;		/* -p level */
	long long shifts[64];	/* how far lines below each hunk moved */
	size_t n_shifts;
};

/*
 * Parse text (of the patch file name): pi->n is 0 when no "+++ FILE" line
 * names a file. -1 with one error (name:line) when any file name is an
 * absolute path or goes through "..": GNU patch would write outside the
 * scratch tree.
 */
int patch_read(const char *name, const char *text, struct patch_info *pi);
void patch_info_release(struct patch_info *pi);

/*
 * --patch-origin=K=N[,K=N...]:NAME for the --patch file patch: 0, or -1 with
 * one error. Without a spec (NULL) the origin is patch itself.
 */
int patch_origin_parse(const char *spec, const char *patch, struct patch_origin *o);
void patch_origin_release(struct patch_origin *o);
/* The line of the origin that line of the --patch file is (o may be NULL). */
unsigned patch_origin_line(const struct patch_origin *o, unsigned line);

/* One file's part of a patch: its header lines and hunks, as written. */
struct patch_part {
	char *path;		/* the "+++ " name, not stripped */
	char *text;		/* from its "diff"/"Index:"/"---" line to the next file's */
	unsigned line;		/* of its first line in the patch */
};

/*
 * Split a patch (of several files) into one part per file, each a patch of
 * its own for GNU patch. Hunks are consumed by their line counts, so a
 * removed line "-- x" inside a hunk does not start a file. What comes before
 * the first file (a mail header, the commit message) is left out; a part
 * without "+++ " (a mode change) is dropped.
 */
void patch_split(const char *text, struct patch_part **parts, size_t *n);
void patch_parts_release(struct patch_part *parts, size_t n);

/*
 * GNU patch applied pi with this output and exit status: 0 when every hunk
 * applied; else -1 with one error naming the first hunk that does not apply
 * (patch:line of its "@@"). A hunk applied with fuzz is a warning, one
 * applied at an offset a note (patch_apply.c).
 */
int patch_apply_report(const char *patch, const struct patch_info *pi, const char *out,
		       int status);

/* p without its first n '/'-separated components, or NULL. */
const char *strip_components(const char *p, int n);

#endif
