/*
 * Final names: patched functions, externalized symbols and copied functions
 * that had to be rewritten. A new name that clashes with an identifier of the
 * translation unit (or one given out earlier) is asked for again with
 * RETRY+1.
 */
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/addr_split.h"
#include "klp-ccp/closure.h"
#include "klp-ccp/diag.h"
#include "klp-ccp/facts.h"
#include "klp-ccp/out_of_line.h"
#include "klp-ccp/provider.h"
#include "klp-ccp/split_callers.h"
#include "klp-ccp/spelling.h"
#include "klp-ccp/stub_macros.h"

#define MAX_RETRY 1000

static bool clashes(struct model *m, const char *old, const char *new_name)
{
	return strcmp(old, new_name) && model_name_in_use(m, new_name);
}

static void accept_name(struct model *m, struct entity *e, char *new_name)
{
	model_reserve_name(m, new_name);
	if (strcmp(new_name, e->name)) {
		e->new_name = new_name;
	} else {
		free(new_name);
	}
}

static int name_patched(struct model *m, struct policy *pol, struct entity *e)
{
	struct src_loc loc = cursor_src_loc(m, e->def);
	struct sym_mod mod = { 0 };

	for (unsigned retry = 0; retry < MAX_RETRY; retry++) {
		if (policy_modify_patched_fun_sym(pol, e->name, retry, &loc, &mod))
			return -1;
		if (!clashes(m, e->name, mod.new_name))
			break;
		free(mod.new_name);
		mod.new_name = NULL;
	}
	if (!mod.new_name) {
		diag_error("no unique name for patched function '%s' after %d retries", e->name,
			   MAX_RETRY);
		return -1;
	}
	accept_name(m, e, mod.new_name);
	e->make_static = mod.linkage == LINKAGE_MAKE_INTERNAL;
	e->make_extern = mod.linkage == LINKAGE_MAKE_EXTERNAL;
	return 0;
}

static bool declared_by_included_header(struct model *m, struct policy *pol,
					const struct entity *e)
{
	for (size_t i = 0; i < e->n_decl_units; i++) {
		int prov = header_provider(m, pol, m->units[e->decl_units[i]].file);

		if (prov >= 0 || prov == PROVIDER_BUILTIN)
			return true;
	}
	return false;
}

/*
 * A function's static externalized as its symbol x.N (asm label) gets a C
 * name of its own, x_N: extern declarations of one name in two functions
 * would be one entity to GCC, and it keeps only the first asm label.
 */
static void name_by_symbol(struct model *m, struct entity *e)
{
	char *base = xstrdup(e->asm_name), *name = NULL;

	for (char *p = base; *p; p++)
		if (!is_ident_char((unsigned char)*p))
			*p = '_';
	for (unsigned retry = 0; retry < MAX_RETRY; retry++) {
		name = retry ? xasprintf("%s_%u", base, retry) : xstrdup(base);
		if (!clashes(m, e->name, name))
			break;
		free(name);
		name = NULL;
	}
	free(base);
	if (name)
		accept_name(m, e, name);
}

static int name_externalized(struct model *m, struct policy *pol, struct entity *e)
{
	struct src_loc loc = cursor_src_loc(m, clang_Cursor_isNull(e->def) ? e->canonical : e->def);
	struct sym_mod mod = { 0 };

	for (unsigned retry = 0; retry < MAX_RETRY; retry++) {
		if (policy_modify_externalized_sym(pol, e->kind == ENT_FUNCTION, e->name, retry,
						   &loc, &mod))
			return -1;
		if (!clashes(m, e->name, mod.new_name))
			break;
		free(mod.new_name);
		mod.new_name = NULL;
	}
	if (!mod.new_name) {
		diag_error("no unique name for externalized symbol '%s' after %d retries",
			   e->name, MAX_RETRY);
		return -1;
	}
	accept_name(m, e, mod.new_name);
	e->pointer = mod.make_pointer;
	if (e->pointer && entity_is_percpu(m, e)) {
		diag_warning_at(loc.file, loc.line, loc.col,
				"'%s' is a per-CPU variable: externalized plainly, not as a pointer (per-CPU accessors need the symbol)",
				e->name);
		e->pointer = false;
	}
	if (e->pointer && e->kind != ENT_FUNCTION &&
	    clang_getCursorTLSKind(clang_Cursor_isNull(e->def) ? e->canonical : e->def) != CXTLS_None) {
		diag_warning_at(loc.file, loc.line, loc.col,
				"'%s' is thread-local: externalized plainly, not as a pointer (a pointer would name one thread's copy)",
				e->name);
		e->pointer = false;
	}
	if (e->pointer && !e->new_name && declared_by_included_header(m, pol, e)) {
		diag_error_at(loc.file, loc.line, loc.col,
			      "'%s' is externalized as a pointer under its own name, which an included header also declares; the modify-externalized-sym policy must rename it",
			      e->name);
		return -1;
	}
	if (mod.linkage == LINKAGE_KEEP)
		e->make_static = e->internal;
	else
		e->make_static = mod.linkage == LINKAGE_MAKE_INTERNAL;
	e->make_extern = !e->make_static;
	if (e->asm_name && !e->new_name && !e->pointer)
		name_by_symbol(m, e);
	return 0;
}

static int name_rewritten(struct model *m, struct policy *pol, struct entity *e)
{
	struct src_loc loc = cursor_src_loc(m, e->def);
	char *new_name = NULL;

	for (unsigned retry = 0; retry < MAX_RETRY; retry++) {
		if (policy_rename_rewritten_fun(pol, e->name, retry, &loc, &new_name))
			return -1;
		if (!clashes(m, e->name, new_name))
			break;
		free(new_name);
		new_name = NULL;
	}
	if (!new_name) {
		diag_error("no unique name for rewritten function '%s' after %d retries",
			   e->name, MAX_RETRY);
		return -1;
	}
	accept_name(m, e, new_name);
	e->rewritten = true;
	e->make_static = true;
	return 0;
}

static bool needs_edit(const struct entity *e)
{
	return e->new_name || e->pointer ||
	       (e->local_static && e->decision == DEC_EXTERNALIZE);
}

/* Copied function owning each unit, -1 for none. */
static int *unit_owners(struct model *m)
{
	int *owner = xmalloc(m->n_units * sizeof(int));

	for (size_t i = 0; i < m->n_units; i++)
		owner[i] = -1;
	for (size_t i = 0; i < m->n_ents; i++) {
		struct entity *e = &m->ents[i];

		if (e->kind == ENT_FUNCTION && e->decision == DEC_COPY && e->def_unit >= 0)
			owner[e->def_unit] = (int)i;
	}
	return owner;
}

/* A copy of a function an #included header defines would redefine it (--patch). */
static bool from_included_header(struct model *m, struct policy *pol, int unit)
{
	int prov = header_provider(m, pol, m->units[unit].file);

	return prov >= 0 || prov == PROVIDER_BUILTIN;
}

/*
 * An inline body (inline_body.c) must name what it calls as the header's
 * inline does: one whose code would need renaming is left out, the header's
 * call stays a call.
 */
static bool named_by_copied_text(const struct model *m, int idx)
{
	for (size_t i = 0; i < m->n_sites; i++)
		if (m->sites[i].entity == idx && m->sites[i].kind == SITE_REF &&
		    m->units[m->sites[i].unit].copy)
			return true;
	return false;
}

/*
 * A pointer only a dropped body named would be defined and never used (an
 * error under -Werror) and initialized by glue for nothing: not externalized.
 */
static void forget_unused_pointers(struct model *m, int unit)
{
	for (size_t i = 0; i < m->n_sites; i++) {
		int x = m->sites[i].entity;
		struct entity *p = &m->ents[x];

		if (m->sites[i].unit == unit && m->sites[i].kind == SITE_REF &&
		    p->decision == DEC_EXTERNALIZE && p->pointer && !named_by_copied_text(m, x)) {
			p->decision = DEC_NONE;
			p->needs_decl = false;
		}
	}
}

static void drop_inline_body(struct model *m, struct entity *e)
{
	m->units[e->def_unit].copy = false;
	e->inline_body = false;
	if (e->decision == DEC_COPY)
		e->decision = DEC_NONE;	/* an externalized one stays so */
	forget_unused_pointers(m, e->def_unit);
}

/*
 * An externalized function with an inline body is spelled by its own name
 * (the body is the running one's): not when the policy renamed it or made
 * it a pointer, nor under an asm label.
 */
static void drop_renamed_inline_bodies(struct model *m)
{
	for (size_t i = 0; i < m->n_ents; i++) {
		struct entity *e = &m->ents[i];

		if (e->inline_body && e->decision == DEC_EXTERNALIZE &&
		    (e->pointer || e->asm_name ||
		     (e->new_name && strcmp(e->new_name, e->name))))
			drop_inline_body(m, e);
	}
}

static int find_rewritten(struct model *m, struct policy *pol)
{
	int *owner = unit_owners(m);
	bool changed = true;
	int rc = 0;

	for (size_t i = 0; !rc && i < m->n_units; i++)
		if (owner[i] >= 0 && !m->ents[owner[i]].rewritten &&
		    !m->ents[owner[i]].inline_body &&
		    (!m->ents[owner[i]].internal || from_included_header(m, pol, (int)i)))
			rc = name_rewritten(m, pol, &m->ents[owner[i]]);
	while (!rc && changed) {
		changed = false;
		for (size_t i = 0; !rc && i < m->n_sites; i++) {
			int o = owner[m->sites[i].unit];

			if (o < 0 || m->ents[o].rewritten || !needs_edit(&m->ents[m->sites[i].entity]))
				continue;
			if (m->ents[o].inline_body) {
				drop_inline_body(m, &m->ents[o]);
				owner[m->sites[i].unit] = -1;
				continue;
			}
			rc = name_rewritten(m, pol, &m->ents[o]);
			changed = true;
		}
	}
	free(owner);
	return rc;
}

/*
 * A copied unit may define more functions than the closure asked for (one
 * SYSCALL_DEFINE makes __x64_sys_f and __ia32_sys_f): global ones are left
 * out when a nested macro makes only them (rewrite.c defines it empty for
 * the unit), else renamed like rewritten functions so the livepatch defines
 * no symbol of the running binary.
 */
static int rename_bystanders(struct model *m, struct policy *pol)
{
	for (size_t i = 0; i < m->n_units; i++) {
		const struct unit *u = &m->units[i];

		for (size_t c = 0; u->copy && c < u->n_cursors; c++) {
			int idx = model_entity_of(m, u->cursors[c]);
			struct entity *e = idx >= 0 ? &m->ents[idx] : NULL;

			if (!e || e->kind != ENT_FUNCTION || e->decision != DEC_NONE ||
			    e->internal || !clang_isCursorDefinition(u->cursors[c]) ||
			    silenced_by_stub_macro(m, (int)i, e))
				continue;
			e->decision = DEC_COPY;
			if (name_rewritten(m, pol, e))
				return -1;
		}
	}
	return 0;
}

/* A plain external reference declared by an included header needs no declaration. */
static void decide_declaration(struct model *m, struct policy *pol, struct entity *e)
{
	e->needs_decl = true;
	if (e->new_name || e->pointer || e->make_static || e->local_static)
		return;
	for (size_t i = 0; i < e->n_decl_units; i++) {
		int prov = header_provider(m, pol, m->units[e->decl_units[i]].file);

		if (prov >= 0 || prov == PROVIDER_BUILTIN) {
			if (prov >= 0)
				m->files[prov].needed = true;
			e->needs_decl = false;
			return;
		}
	}
}

/*
 * A copied function GCC split in the original (partial inlining: callers
 * inline its head and call NAME.part.N) is split again only if the copy is
 * not local with a single caller: it gets external linkage, under the
 * rename-rewritten-fun name. Not for a function declared inline (the
 * kernel's inline is gnu_inline: extern, it would emit no body), nor for a
 * named one --ipa-clones found inlined (its head) into all its callers: they
 * are patched, so its copy has the original's callers and is split as the
 * original was.
 */
static int name_split_copies(struct model *m, struct policy *pol, struct facts_db *facts)
{
	for (size_t i = 0; facts && i < m->n_ents; i++) {
		struct entity *e = &m->ents[i];

		if (e->kind != ENT_FUNCTION || e->decision != DEC_COPY || e->def_unit < 0 ||
		    e->inline_body || e->ipa_removed ||
		    clang_Cursor_isNull(e->def) || clang_Cursor_isFunctionInlined(e->def) ||
		    !policy_partially_inlined(facts_get(facts, e->name)))
			continue;
		if (!e->rewritten && name_rewritten(m, pol, e))
			return -1;
		e->make_static = false;
		e->make_extern = true;
	}
	return 0;
}

/* The copy of a function split from its address (addr_split.c) is renamed:
 * the running original keeps the name. */
static int name_address_copies(struct model *m, struct policy *pol)
{
	for (size_t i = 0; i < m->n_ents; i++)
		if (m->ents[i].decision == DEC_COPY && !m->ents[i].rewritten &&
		    addr_split_done(m, (int)i) && name_rewritten(m, pol, &m->ents[i]))
			return -1;
	return 0;
}

int naming_run(struct model *m, struct policy *pol, struct facts_db *facts)
{
	for (size_t i = 0; i < m->n_ents; i++) {
		struct entity *e = &m->ents[i];
		int rc = 0;

		if (e->decision == DEC_PATCHED || e->decision == DEC_EXTERNALIZE)
			closure_use_facts(pol, facts, e);
		if (e->decision == DEC_PATCHED)
			rc = name_patched(m, pol, e);
		else if (e->decision == DEC_EXTERNALIZE)
			rc = name_externalized(m, pol, e);
		closure_use_facts(pol, NULL, NULL);
		if (rc)
			return -1;
		if (e->decision == DEC_EXTERNALIZE || e->decision == DEC_DECLARE)
			decide_declaration(m, pol, e);
	}
	if (rename_bystanders(m, pol) || name_split_copies(m, pol, facts) ||
	    name_address_copies(m, pol))
		return -1;
	drop_renamed_inline_bodies(m);
	out_of_line_mark(m, facts);
	split_callers_mark(m, facts);
	return find_rewritten(m, pol) ? -1 : 0;
}
