/*
 * Preprocessor directives of a source text, found without preprocessing:
 * what lp.c needs to keep conditional groups balanced around a copied range
 * and to replay #undef and #pragma lines in order.
 */
#ifndef KLP_CCP_DIRECTIVES_H
#define KLP_CCP_DIRECTIVES_H

#include <stdbool.h>
#include <stddef.h>

enum dir_kind {
	DIR_IF, DIR_IFDEF, DIR_IFNDEF,	/* open a group */
	DIR_ELIF, DIR_ELSE,		/* next branch of the innermost group */
	DIR_ENDIF,
	DIR_DEFINE, DIR_UNDEF, DIR_INCLUDE, DIR_PRAGMA, DIR_OTHER
};

struct directive {
	enum dir_kind kind;
	unsigned start, end;	/* line start .. its last byte before '\n' (continuations joined) */
	unsigned arg, arg_len;	/* first word after the directive name (macro name of #undef,
				   "pack" or "GCC" of a #pragma) */
	bool active;		/* not in a group the preprocessor skipped */
};

struct directives {
	struct directive *v;
	size_t n, cap;
};

/* Every directive line of text, in order (comments and literals respected). */
void directives_scan(const char *text, size_t len, struct directives *out);
void directives_release(struct directives *d);
/* The first of them only (a header's guard), without scanning the rest; false: none. */
bool directives_first(const char *text, size_t len, struct directive *first);

/*
 * How [start, end) of a text cuts its conditional groups: the directives to
 * write before it (the opening line of each group it leaves or continues,
 * with that group's #elif/#else lines before start) so its own
 * #elif/#else/#endif lines have their #if, and how many #endif to write
 * after it for groups it opens or continues without closing.
 */
struct cond_cut {
	size_t *open;		/* indices into the directives, in order */
	size_t n_open, cap_open;
	unsigned n_close;
};
void directives_cut(const struct directives *d, unsigned start, unsigned end,
		    struct cond_cut *cut);
void cond_cut_release(struct cond_cut *cut);

#endif
