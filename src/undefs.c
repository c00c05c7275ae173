/*
 * The active #undef lines of the unit, found once per model: pp_expand.c
 * asks for them on every invocation it expands. Scanning every file's
 * directives for them cost more than the rest of the expansion (840 files on
 * kernel/fork.c, again for each expansion); a file gets its directives
 * scanned only when its text has an "undef" word that may be a directive's.
 */
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/directives.h"
#include "klp-ccp/idents.h"
#include "klp-ccp/lexer.h"
#include "klp-ccp/model.h"
#include "klp-ccp/util.h"

/*
 * May the "undef" at t[k] be the name of a directive? Whole word, and before
 * it (past blanks) a '#', the end of a comment or a line's start: a
 * superset of what directives_scan() takes for an #undef.
 */
static bool may_be_directive(const char *t, size_t len, size_t k)
{
	if (k + 5 < len && is_ident_char((unsigned char)t[k + 5]))
		return false;
	while (k > 0 && (t[k - 1] == ' ' || t[k - 1] == '\t' || t[k - 1] == '\f' ||
			 t[k - 1] == '\v' || t[k - 1] == '\r'))
		k--;
	return k == 0 || t[k - 1] == '#' || t[k - 1] == '/' || t[k - 1] == '\n';
}

static bool has_undef(struct model *m, int f)
{
	const struct kfile *kf = &m->files[f];
	const char *t = kf->text, *p = t, *end = t + kf->len;

	/* the identifiers lexed for headers.c: most files spell no "undef" */
	if (!idents_may_have(m->idents, f, t, "undef"))
		return false;
	while (p < end && (p = memmem(p, (size_t)(end - p), "undef", 5))) {
		if (may_be_directive(t, kf->len, (size_t)(p - t)))
			return true;
		p += 5;
	}
	return false;
}

static void read_undefs(struct model *m)
{
	for (size_t f = 0; f < m->n_files; f++) {
		const struct directives *d;

		if (!has_undef(m, (int)f))
			continue;
		d = model_directives(m, (int)f);
		for (size_t i = 0; i < d->n; i++)
			if (d->v[i].kind == DIR_UNDEF && d->v[i].active && d->v[i].arg_len)
				*ARRAY_PUSH(m->undefs, m->n_undefs, m->cap_undefs) = (struct model_undef){
					m->files[f].text + d->v[i].arg, d->v[i].arg_len, (int)f,
					d->v[i].start };
	}
	m->undefs_read = true;
}

const struct model_undef *model_undefs(struct model *m, size_t *n)
{
	if (!m->undefs_read)
		read_undefs(m);
	*n = m->n_undefs;
	return m->undefs;
}
