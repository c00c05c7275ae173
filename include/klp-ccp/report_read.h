/*
 * Reading a klp-ccp report (--report=FILE.yaml) back into plain structs.
 * Every failure is one diagnostic "file:line:col: error: ..." and -1; no
 * input crashes the reader.
 */
#ifndef KLP_CCP_REPORT_READ_H
#define KLP_CCP_REPORT_READ_H

#include <stdbool.h>
#include <stddef.h>

#include "klp-ccp/util.h"

/* Where an entry was read from (1-based). */
struct rr_mark {
	unsigned line, col;
};

struct rr_patched {
	char *old_name, *new_name;
	char *object;			/* NULL: not known (vmlinux assumed by glue) */
	unsigned long sympos;
	char *file;
	unsigned long line;
	char *added_by;
	char *in_target;		/* "false": the target has no symbol of it, else NULL */
	struct strlist contains;	/* added_by ipa-clones: whose code it has */
	struct rr_mark mark;
};

enum rr_kind { RR_FUNCTION, RR_OBJECT };
enum rr_method { RR_PLAIN, RR_POINTER };

struct rr_externalized {
	char *name, *new_name;
	enum rr_kind kind;
	enum rr_method method;
	char *object;			/* NULL: not known */
	unsigned long sympos;
	char *linkage;			/* "internal", "external"; NULL: not given */
	char *via;			/* a header inline referencing it (lp.c does not name it) */
	struct rr_mark mark;
};

struct rr_copied {
	char *name, *kind;
	char *new_name;			/* NULL when not renamed */
	char *file;
	unsigned long line;
};

struct report {
	char *path;			/* the file it was read from */
	char *source, *output;
	struct strlist compiler_command;
	struct rr_patched *patched;
	size_t n_patched, cap_patched;
	struct rr_externalized *ext;
	size_t n_ext, cap_ext;
	struct rr_copied *copied;
	size_t n_copied, cap_copied;
	struct strlist inlined_everywhere;	/* patched in name, copied: no body of their own */
	struct strlist headers, warnings;
	struct rr_mark output_mark, patched_mark;	/* of the values */
};

/* Parse text (named name in diagnostics) into *r (zeroed first). 0 or -1. */
int report_parse(const char *name, const char *text, size_t len, struct report *r);
/* Read and parse a report file. 0 or -1. */
int report_read(const char *path, struct report *r);
/* The same, accepting any object name (a user-space target's "prog.o"):
 * for readers that do not write them into C code (verify). */
int report_read_any_object(const char *path, struct report *r);
void report_release(struct report *r);

/* Validity of names the glue writes into C code. */
bool rr_is_c_identifier(const char *s);
bool rr_is_symbol_name(const char *s);	/* identifier plus '.' (clones: foo.isra.0) */
bool rr_is_object_name(const char *s);	/* "vmlinux" or a module name */

#endif
