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
	struct href_walk *hw;
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

static void on_ref(struct href_walk *hw, CXCursor ref)
{
	enum CXCursorKind k = clang_getCursorKind(ref);
	int idx;
	struct entity *e;

	if (k != CXCursor_FunctionDecl && k != CXCursor_VarDecl)
		return;
	idx = model_entity_of(hw->m, ref);
	if (idx < 0)
		return;
	e = &hw->m->ents[idx];
	if (defined_in_header(hw->m, e))
		queue_body(hw, idx);	/* its body is compiled into lp.o too */
	else if (hw->list_only && e->kind == ENT_FUNCTION && !e->internal && e->def_unit >= 0)
		*ARRAY_PUSH(hw->reached, hw->n_reached, hw->cap_reached) = idx;
	else if (!hw->list_only && !e->internal && !e->local_static)
		record(hw, e);
}

static enum CXChildVisitResult href_visit(CXCursor c, CXCursor parent, CXClientData data)
{
	struct href_frame *p = data;
	struct href_frame f = { .hw = p->hw };
	unsigned index = p->n_children++;

	(void)parent;
	f.uneval = p->uneval || uneval_child(&p->up, c, index);
	if (f.uneval)
		return CXChildVisit_Continue;	/* sizeof, typeof, a dead arm: no code */
	if (clang_getCursorKind(c) == CXCursor_DeclRefExpr)
		on_ref(f.hw, clang_getCursorReferenced(c));
	uneval_parent_init(&f.up, c, p->up.m);
	clang_visitChildren(c, href_visit, &f);
	return CXChildVisit_Continue;
}

static void walk_body(struct href_walk *hw, int idx)
{
	const struct entity *e = &hw->m->ents[idx];
	struct href_frame top = { .hw = hw };

	hw->via = e->name;
	uneval_parent_init(&top.up, e->def, hw->m);
	clang_visitChildren(e->def, href_visit, &top);
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
