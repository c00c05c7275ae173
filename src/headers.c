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
 * core.c included before it, <linux/slub_def.h> uses what mm/slab.h defines
 * before including it. For every header the output includes, find the
 * identifiers its contents use that are first declared earlier: in a header
 * (include that one too) or in a file we copy from (copy that declaration,
 * when copying it cannot define state or warn: types, static inline
 * functions, prototypes).
 */
static bool before(struct model *m, int a, int b)
{
	return model_compare_pos(m, m->files[a].includer, m->files[a].directive_offset,
				 m->files[b].includer, m->files[b].directive_offset) < 0;
}

static bool in_subtree(const struct model *m, int f, int hdr)
{
	for (; f >= 0; f = m->files[f].includer)
		if (f == hdr)
			return true;
	return false;
}

static bool harmless_unit(struct model *m, const struct unit *u)
{
	for (size_t i = 0; i < u->n_cursors; i++) {
		CXCursor c = u->cursors[i];

		switch (clang_getCursorKind(c)) {
		case CXCursor_TypedefDecl:
		case CXCursor_StructDecl:
		case CXCursor_UnionDecl:
		case CXCursor_EnumDecl:
			break;
		case CXCursor_FunctionDecl:
			if (clang_isCursorDefinition(c) && !clang_Cursor_isFunctionInlined(c))
				return false;
			break;
		default:
			return false;
		}
	}
	return true;
}

static void use_earlier_unit(struct model *m, int hdr, const char *name,
			     struct context_ctx *cx)
{
	int unit = model_name_unit(m, name);
	const struct unit *u;

	if (unit < 0)
		return;
	u = &m->units[unit];
	if (u->copy || m->files[u->file].provider != PROVIDER_NONE ||
	    model_compare_pos(m, u->file, u->start, m->files[hdr].includer,
			      m->files[hdr].directive_offset) > 0 ||
	    !harmless_unit(m, u))
		return;
	*ARRAY_PUSH(cx->units, cx->n_units, cx->cap_units) = unit;
}

static int scan_name(struct model *m, struct policy *pol, int hdr, const char *name,
		     struct context_ctx *cx)
{
	int df = model_name_file(m, name), prov;

	if (df < 0)
		return 0;
	prov = header_provider(m, pol, df);
	if (prov == PROVIDER_FAILED)
		return -1;
	if (prov == PROVIDER_NONE) {
		use_earlier_unit(m, hdr, name, cx);
		return 0;
	}
	if (prov < 0 || prov == hdr || m->files[prov].needed || !before(m, prov, hdr))
		return 0;
	m->files[prov].needed = true;
	*ARRAY_PUSH(cx->work, cx->n_work, cx->cap_work) = prov;
	return 0;
}

static int scan_header(struct model *m, struct policy *pol, int hdr, struct context_ctx *cx)
{
	char name[256];

	m->files[hdr].context_scanned = true;
	for (size_t f = 0; f < m->n_files; f++) {
		const struct kfile *kf = &m->files[f];
		size_t pos = 0, s, n;

		if (!in_subtree(m, (int)f, hdr))
			continue;
		while (lex_next_ident(kf->text, kf->len, &pos, &s, &n)) {
			if (n >= sizeof(name))
				continue;
			memcpy(name, kf->text + s, n);
			name[n] = '\0';
			if (scan_name(m, pol, hdr, name, cx))
				return -1;
		}
	}
	return 0;
}

int headers_context_pass(struct model *m, struct policy *pol, struct context_ctx *cx)
{
	int rc = 0;

	cx->n_units = 0;
	for (size_t i = 0; i < m->n_files; i++)
		if (m->files[i].needed && !m->files[i].context_scanned && m->files[i].includer >= 0)
			*ARRAY_PUSH(cx->work, cx->n_work, cx->cap_work) = (int)i;
	while (cx->n_work && !rc) {
		int hdr = cx->work[--cx->n_work];

		if (!m->files[hdr].context_scanned)
			rc = scan_header(m, pol, hdr, cx);
	}
	return rc;
}

/*
 * Naming can make more headers needed (declarations of plainly externalized
 * symbols): give them their context too. Declarations they would need from
 * copied files are already there when the closure needed them.
 */
int headers_final_context(struct model *m, struct policy *pol)
{
	struct context_ctx cx = { 0 };
	int rc = headers_context_pass(m, pol, &cx);

	free(cx.work);
	free(cx.units);
	return rc;
}
