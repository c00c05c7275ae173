/*
 * Symbols the livepatch references through included header code. lp.c
 * keeps the #include of a header whose inline it uses, and a header's use
 * of a global symbol still binds to the running one (headers.c): the
 * inline's body, and the inlines it calls at any depth, are compiled into
 * the livepatch, so every global function or object they evaluate is a
 * reference of its object file the report must list, or modpost and the
 * klp relocations know nothing of it.
 */
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/closure.h"
#include "klp-ccp/facts.h"
#include "klp-ccp/unevaluated.h"

struct href_walk {
	struct model *m;
	struct facts_db *facts;
	bool *visited;			/* per entity: body walked */
	int *todo;			/* header inlines whose bodies are still to walk */
	size_t n_todo, cap_todo;
	const char *via;		/* the inline being walked */
	bool list_only;			/* header_refs_reached(): list, record nothing */
	bool keep_todo;			/* header_refs_inlines(): the bodies walked */
	int *reached;			/* global functions defined outside headers */
	size_t n_reached, cap_reached;
};

struct href_frame {
	struct body_refs *br;
	bool uneval;
	unsigned n_children;
	struct uneval_parent up;
};

static bool defined_in_header(const struct model *m, const struct entity *e)
{
	return e->kind == ENT_FUNCTION && e->def_unit >= 0 &&
	       m->units[e->def_unit].file != m->main_file;
}

/* lp.c defines or declares it under its own name: no extra reference. */
static bool spelled_as_is(const struct entity *e)
{
	bool same = !e->new_name || !strcmp(e->new_name, e->name);

	if (e->inline_body)
		return false;	/* lp.o calls the running one where GCC did not inline */
	if (e->decision == DEC_EXTERNALIZE)
		return same && !e->pointer && !e->asm_name;
	return (e->decision == DEC_COPY || e->decision == DEC_PATCHED) && same;
}

static void queue_body(struct href_walk *hw, int idx)
{
	if (!hw->visited[idx]) {
		hw->visited[idx] = true;
		*ARRAY_PUSH(hw->todo, hw->n_todo, hw->cap_todo) = idx;
	}
}

static void record(struct href_walk *hw, struct entity *e)
{
	const struct sym_facts *f;

	e->header_called = true;
	if (e->header_ref || spelled_as_is(e))
		return;
	f = hw->facts ? facts_get(hw->facts, e->name) : NULL;
	if (f && f->exported)
		return;	/* the module loader resolves it, as any module's */
	e->header_ref = true;
	e->header_via = hw->via;
	if (f && f->present) {
		e->object = f->object;
		e->sympos = f->sympos;
	}
}

static void on_ref(struct href_walk *hw, int idx)
{
	struct entity *e = &hw->m->ents[idx];

	if (defined_in_header(hw->m, e))
		queue_body(hw, idx);	/* its body is compiled into lp.o too */
	else if (hw->list_only && e->kind == ENT_FUNCTION && !e->internal && e->def_unit >= 0)
		*ARRAY_PUSH(hw->reached, hw->n_reached, hw->cap_reached) = idx;
	else if (!hw->list_only && !e->internal && !e->local_static)
		record(hw, e);
}

/* The function or object entity ref is, or -1. */
static int ref_entity(struct model *m, CXCursor ref)
{
	enum CXCursorKind k = clang_getCursorKind(ref);

	if (k != CXCursor_FunctionDecl && k != CXCursor_VarDecl)
		return -1;
	return model_entity_of(m, ref);
}

static enum CXChildVisitResult href_visit(CXCursor c, CXCursor parent, CXClientData data)
{
	struct href_frame *p = data;
	struct href_frame f = { .br = p->br };
	unsigned index = p->n_children++;
	int idx;

	(void)parent;
	f.uneval = p->uneval || uneval_child(&p->up, c, index);
	if (f.uneval)
		return CXChildVisit_Continue;	/* sizeof, typeof, a dead arm: no code */
	if (clang_getCursorKind(c) == CXCursor_DeclRefExpr &&
	    (idx = ref_entity(p->up.m, clang_getCursorReferenced(c))) >= 0)
		*ARRAY_PUSH(f.br->v, f.br->n, f.br->cap) = idx;
	uneval_parent_init(&f.up, c, p->up.m);
	clang_visitChildren(c, href_visit, &f);
	return CXChildVisit_Continue;
}

/*
 * What the body of entity idx evaluates, walked once per model: the closure
 * asks after each of its rounds (header_refs_reached()), and a body's
 * references do not depend on the closure's decisions (function-local
 * statics, which become entities during the closure, count in neither use).
 */
static const struct body_refs *body_refs_of(struct model *m, int idx)
{
	struct href_frame top = { 0 };
	struct body_refs *br;

	if ((size_t)idx >= m->n_body_refs) {
		size_t n = m->n_ents > (size_t)idx ? m->n_ents : (size_t)idx + 1;

		m->body_refs = xrealloc(m->body_refs, n * sizeof(*m->body_refs));
		memset(m->body_refs + m->n_body_refs, 0,
		       (n - m->n_body_refs) * sizeof(*m->body_refs));
		m->n_body_refs = n;
	}
	br = &m->body_refs[idx];
	if (br->known)
		return br;
	br->known = true;
	top.br = br;
	uneval_parent_init(&top.up, m->ents[idx].def, m);
	clang_visitChildren(m->ents[idx].def, href_visit, &top);
	return &m->body_refs[idx];
}

static void walk_body(struct href_walk *hw, int idx)
{
	const struct body_refs *br = body_refs_of(hw->m, idx);

	hw->via = hw->m->ents[idx].name;
	for (size_t i = 0; i < br->n; i++)
		on_ref(hw, br->v[i]);
}

/* Walk the bodies of the inlines lp.c takes from its headers, as the closure decided. */
static void walk_header_inlines(struct href_walk *hw)
{
	struct model *m = hw->m;

	hw->visited = xcalloc(m->n_ents + 1, sizeof(bool));
	for (size_t i = 0; i < m->n_ents; i++)
		if (m->ents[i].decision == DEC_HEADER && defined_in_header(m, &m->ents[i]))
			queue_body(hw, (int)i);
	for (size_t i = 0; i < hw->n_todo; i++)
		walk_body(hw, hw->todo[i]);
	free(hw->visited);
	if (!hw->keep_todo)
		free(hw->todo);
}

void header_refs_collect(struct model *m, struct facts_db *facts)
{
	struct href_walk hw = { .m = m, .facts = facts };

	walk_header_inlines(&hw);
}

size_t header_refs_inlines(struct model *m, int **out)
{
	struct href_walk hw = { .m = m, .list_only = true };

	hw.keep_todo = true;
	walk_header_inlines(&hw);
	free(hw.reached);
	*out = hw.todo;
	return hw.n_todo;
}

size_t header_refs_reached(struct model *m, int **out)
{
	struct href_walk hw = { .m = m, .list_only = true };

	walk_header_inlines(&hw);
	*out = hw.reached;
	return hw.n_reached;
}
