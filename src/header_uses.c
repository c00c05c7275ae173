/*
 * What an included header's code, as lp.c compiles it, references. A header
 * whose subtree defines by macro (a trace event header under
 * CREATE_TRACE_POINTS) is included without the .c file's macros that made it
 * define (headers.c, see_earlier_macro()), so the definitions those macros
 * made are not in lp.c, nor what only they evaluate: net/ipv6/route.c
 * declares ip6_rt_type_to_error() before <trace/events/fib6.h> for the
 * TP_fast_assign of a TRACE_EVENT, which lp.c's #include drops. Copied, such
 * a static function is defined but not used (-Werror=unused-function); a
 * static prototype alone is declared but never defined (the same).
 */
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/header_uses.h"
#include "klp-ccp/util.h"

/* Is c's own name written in the text at its location (not made by ##)? */
bool cursor_spells_name(struct model *m, CXCursor c, const char *name, int *file)
{
	const struct kfile *kf;
	size_t n = strlen(name);
	unsigned off;

	if (!model_locate(m, clang_getCursorLocation(c), file, &off))
		return false;
	kf = &m->files[*file];
	return off + n <= kf->len && !memcmp(kf->text + off, name, n) &&
	       (off + n == kf->len || !is_ident_char((unsigned char)kf->text[off + n]));
}

/*
 * A definition that a macro made under its own (pasted) name: a non-inline
 * function or an object. In a defining header lp.c includes to declare,
 * it is not compiled.
 */
static bool made_definition(struct model *m, CXCursor c)
{
	CXString s;
	bool spelled;
	int file;

	switch (clang_getCursorKind(c)) {
	case CXCursor_FunctionDecl:
		if (!clang_isCursorDefinition(c) || clang_Cursor_isFunctionInlined(c))
			return false;
		break;
	case CXCursor_VarDecl:
		if (!clang_isCursorDefinition(c))
			return false;
		break;
	default:
		return false;
	}
	s = clang_getCursorSpelling(c);
	spelled = cursor_spells_name(m, c, clang_getCString(s), &file);
	clang_disposeString(s);
	return !spelled;
}

struct use_scan {
	struct model *m;
	bool *used;
};

static enum CXChildVisitResult mark_ref(CXCursor c, CXCursor parent, CXClientData data)
{
	struct use_scan *us = data;
	int idx;

	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_DeclRefExpr) {
		idx = model_entity_of(us->m, clang_getCursorReferenced(c));
		if (idx >= 0)
			us->used[idx] = true;
	}
	return CXChildVisit_Recurse;
}

bool *header_uses_scan(struct model *m, int hdr)
{
	struct use_scan us = { m, xcalloc(m->n_ents + 1, sizeof(bool)) };

	for (size_t f = 0; f < m->n_files; f++) {
		const struct kfile *kf = &m->files[f];

		if (!model_file_in_subtree(m, (int)f, hdr))
			continue;
		for (size_t i = 0; i < kf->n_units; i++) {
			const struct unit *u = &m->units[kf->units[i]];

			for (size_t k = 0; k < u->n_cursors; k++)
				if (!made_definition(m, u->cursors[k]))
					clang_visitChildren(u->cursors[k], mark_ref, &us);
		}
	}
	return us.used;
}
