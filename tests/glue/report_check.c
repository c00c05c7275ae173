/*
 * Test driver of the report reader (src/report_read.c).
 *
 *   report_check dump REPORT        canonical dump, one fact a line
 *   report_check lp REPORT LP.c [LP.i]  the report matches what lp.c holds;
 *                                   LP.i: lp.c preprocessed, where a plain
 *                                   externalized symbol a header's macro
 *                                   names (raw_spin_lock -> _raw_spin_lock)
 *                                   is found when lp.c does not name it
 *   report_check mangle REPORT      parse every prefix and many mutations of
 *                                   REPORT: no crash, no leak (errors expected)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/diag.h"
#include "klp-ccp/report_read.h"
#include "klp-ccp/util.h"

static const char *nz(const char *s)
{
	return s ? s : "~";
}

static void dump(const struct report *r)
{
	printf("source=%s\noutput=%s\n", r->source, r->output);
	for (size_t i = 0; i < r->compiler_command.n; i++)
		printf("cc=%s\n", r->compiler_command.v[i]);
	for (size_t i = 0; i < r->n_patched; i++) {
		const struct rr_patched *p = &r->patched[i];

		printf("patched=%s|%s|%s|%lu|%s|%lu|%s\n", p->old_name, p->new_name,
		       nz(p->object), p->sympos, nz(p->file), p->line, nz(p->added_by));
		for (size_t k = 0; k < p->contains.n; k++)
			printf("contains=%s\n", p->contains.v[k]);
	}
	for (size_t i = 0; i < r->inlined_everywhere.n; i++)
		printf("inlined_everywhere=%s\n", r->inlined_everywhere.v[i]);
	for (size_t i = 0; i < r->n_ext; i++) {
		const struct rr_externalized *x = &r->ext[i];

		printf("ext=%s|%s|%s|%s|%s|%lu\n", x->name, x->new_name,
		       x->kind == RR_FUNCTION ? "function" : "object",
		       x->method == RR_POINTER ? "pointer" : "plain", nz(x->object), x->sympos);
	}
	for (size_t i = 0; i < r->n_copied; i++) {
		const struct rr_copied *c = &r->copied[i];

		printf("copied=%s|%s|%s|%s|%lu\n", c->name, c->kind, nz(c->new_name),
		       nz(c->file), c->line);
	}
	for (size_t i = 0; i < r->headers.n; i++)
		printf("header=%s\n", r->headers.v[i]);
	for (size_t i = 0; i < r->warnings.n; i++)
		printf("warning=%s\n", r->warnings.v[i]);
}

/* Lines of lp.c holding the identifier id. */
static bool ident_at(const char *line, size_t len, const char *id, size_t *pos)
{
	size_t n = strlen(id);

	for (size_t i = 0; i + n <= len; i++)
		if (!memcmp(line + i, id, n) && (i == 0 || !is_ident_char(line[i - 1])) &&
		    (i + n == len || !is_ident_char(line[i + n]))) {
			*pos = i;
			return true;
		}
	return false;
}

enum want { DEFINED_FUNCTION, POINTER_DECL, PLAIN_DECL, ANY_USE };

/* A top-level line naming the function followed by "(" and not ending in ';'. */
static bool line_matches(const char *l, size_t len, const char *id, enum want w)
{
	size_t pos;

	if (!ident_at(l, len, id, &pos))
		return false;
	switch (w) {
	case DEFINED_FUNCTION:
		return l[0] != ' ' && l[0] != '\t' && l[0] != '#' && strncmp(l, "static", 6) &&
		       l[pos + strlen(id)] == '(' && l[len - 1] != ';';
	case POINTER_DECL:
		return pos > 0 && l[pos - 1] == '*' && l[0] != ' ' && l[0] != '\t' &&
		       l[0] != '#' && memchr(l, ';', len);
	case PLAIN_DECL:
		return memmem(l, len, "extern", 6) != NULL;
	default:
		return true;
	}
}

static bool lp_has(const char *text, const char *id, enum want w)
{
	for (const char *l = text; *l;) {
		const char *e = strchr(l, '\n');
		size_t len = e ? (size_t)(e - l) : strlen(l);

		if (len && line_matches(l, len, id, w))
			return true;
		l += len + (e != NULL);
	}
	return false;
}

static int check_lp(const struct report *r, const char *lp, const char *lp_i)
{
	char *text = read_file(lp, NULL);
	char *expanded = lp_i ? read_file(lp_i, NULL) : NULL;
	int bad = 0;

	if (!text) {
		fprintf(stderr, "cannot read %s\n", lp);
		return 1;
	}
	for (size_t i = 0; i < r->n_patched; i++)
		if (!lp_has(text, r->patched[i].new_name, DEFINED_FUNCTION)) {
			fprintf(stderr, "%s: no external definition of %s\n", lp,
				r->patched[i].new_name);
			bad = 1;
		}
	for (size_t i = 0; i < r->n_ext; i++) {
		const struct rr_externalized *x = &r->ext[i];
		enum want w = x->method == RR_POINTER ? POINTER_DECL : PLAIN_DECL;

		/* a plain one may be declared by an included header */
		if (x->via && r->headers.n)
			continue;	/* referenced by a header inline only */
		if (!lp_has(text, x->new_name, w) &&
		    !(w == PLAIN_DECL && r->headers.n && lp_has(text, x->new_name, ANY_USE)) &&
		    !(w == PLAIN_DECL && r->headers.n && expanded &&
		      lp_has(expanded, x->new_name, ANY_USE))) {
			fprintf(stderr, "%s: no %s declaration of %s\n", lp,
				w == POINTER_DECL ? "pointer" : "extern", x->new_name);
			bad = 1;
		}
	}
	free(text);
	free(expanded);
	return bad;
}

static void try_parse(const char *text, size_t len)
{
	struct report r;

	report_parse("mangled", text, len, &r);
	report_release(&r);
}

/* Every prefix, and each byte replaced by a few troublesome ones. */
static int mangle(const char *path)
{
	static const char subst[] = { '\0', ':', '-', '[', '{', '&', '*', '!', '"', '\n', ' ', '7' };
	size_t len;
	char *text = read_file(path, &len);
	unsigned long runs = 0;

	if (!text)
		return 1;
	for (size_t i = 0; i <= len; i++, runs++)
		try_parse(text, i);
	for (size_t i = 0; i < len; i++) {
		char keep = text[i];

		for (size_t k = 0; k < sizeof(subst); k++, runs++) {
			text[i] = subst[k];
			try_parse(text, len);
		}
		text[i] = keep;
	}
	free(text);
	printf("%lu parses\n", runs);
	return 0;
}

int main(int argc, char **argv)
{
	struct report r;
	int rc;

	if (argc == 3 && !strcmp(argv[1], "mangle"))
		return mangle(argv[2]);
	if (argc < 3 || (strcmp(argv[1], "dump") && strcmp(argv[1], "lp")) ||
	    (!strcmp(argv[1], "lp") && argc != 4 && argc != 5)) {
		fprintf(stderr, "usage: report_check dump|lp|mangle REPORT [LP.c [LP.i]]\n");
		return 2;
	}
	if (report_read(argv[2], &r)) {
		report_release(&r);
		return 1;
	}
	if (!strcmp(argv[1], "dump")) {
		dump(&r);
		rc = 0;
	} else {
		rc = check_lp(&r, argv[3], argc == 5 ? argv[4] : NULL);
	}
	report_release(&r);
	return rc;
}
