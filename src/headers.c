/*
 * Stage "headers": which header provides a file's contents. A header is
 * #included when the policy allows it and no ancestor in its inclusion chain
 * is already included (headers pulled in through an eligible header are not
 * repeated); the main file and non-eligible headers are copied from.
 */
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/closure.h"
#include "klp-ccp/lexer.h"

static int ask_eligible(struct model *m, struct policy *pol, int file)
{
	struct kfile *kf = &m->files[file];
	bool yes;

	if (kf->eligible < 0) {
		if (policy_may_include_header(pol, kf->name, kf->role == FILE_PRE_INCLUDE, &yes))
			return -1;
		kf->eligible = yes;
	}
	return kf->eligible;
}

static int compute_provider(struct model *m, struct policy *pol, int file)
{
	struct kfile *kf = &m->files[file];
	int up, eligible;

	switch (kf->role) {
	case FILE_MAIN:
		return PROVIDER_NONE;
	case FILE_PRELUDE:
		return PROVIDER_BUILTIN;
	case FILE_PRE_INCLUDE:
		eligible = ask_eligible(m, pol, file);
		if (eligible < 0)
			return PROVIDER_FAILED;
		return eligible ? PROVIDER_BUILTIN : PROVIDER_NONE;
	case FILE_HEADER:
		break;
	}
	if (kf->includer >= 0) {
		up = header_provider(m, pol, kf->includer);
		if (up != PROVIDER_NONE)
			return up;
	}
	eligible = ask_eligible(m, pol, file);
	if (eligible < 0)
		return PROVIDER_FAILED;
	return eligible && kf->includer >= 0 ? file : PROVIDER_NONE;
}

int header_provider(struct model *m, struct policy *pol, int file)
{
	struct kfile *kf = &m->files[file];

	if (!kf->provider_done) {
		kf->provider = compute_provider(m, pol, file);
		if (kf->provider == PROVIDER_FAILED)
			return PROVIDER_FAILED;
		kf->provider_done = true;
	}
	return kf->provider;
}

/*
 * Headers are not always self-contained: kernel/sched/sched.h uses what
 * core.c included before it. For every header the output includes, find the
 * identifiers its contents use that are first declared in a header included
 * earlier, and include that one too.
 */
static bool before(struct model *m, int a, int b)
{
	return model_compare_pos(m, m->files[a].includer, m->files[a].directive_offset,
				 m->files[b].includer, m->files[b].directive_offset) < 0;
}

static int scan_for_context(struct model *m, struct policy *pol, int hdr, int *work,
			    size_t *nwork)
{
	char name[256];

	for (size_t f = 0; f < m->n_files; f++) {
		const struct kfile *kf = &m->files[f];
		size_t pos = 0, s, n;

		if (!kf->provider_done || kf->provider != hdr)
			continue;
		while (lex_next_ident(kf->text, kf->len, &pos, &s, &n)) {
			int df, prov;

			if (n >= sizeof(name))
				continue;
			memcpy(name, kf->text + s, n);
			name[n] = '\0';
			df = model_name_file(m, name);
			if (df < 0)
				continue;
			prov = header_provider(m, pol, df);
			if (prov == PROVIDER_FAILED)
				return -1;
			if (prov < 0 || prov == hdr || m->files[prov].needed || !before(m, prov, hdr))
				continue;
			m->files[prov].needed = true;
			work[(*nwork)++] = prov;
		}
	}
	return 0;
}

int headers_add_context(struct model *m, struct policy *pol)
{
	int *work = xmalloc((m->n_files + 1) * sizeof(int));
	size_t nwork = 0;
	int rc = 0;

	for (size_t i = 0; i < m->n_files; i++)
		if (m->files[i].needed)
			work[nwork++] = (int)i;
	while (nwork && !rc)
		rc = scan_for_context(m, pol, work[--nwork], work, &nwork);
	free(work);
	return rc;
}
