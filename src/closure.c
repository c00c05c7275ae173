/*
 * Stage "closure": starting from the patched functions, walk the AST of
 * everything that is copied and decide, for each function and object it
 * reaches, whether to copy, externalize or take it from a header. Types,
 * enumerators and macros pull in the declaration units that define them.
 */
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/addr_split.h"
#include "klp-ccp/asm_defs.h"
#include "klp-ccp/closure.h"
#include "klp-ccp/diag.h"
#include "klp-ccp/directives.h"
#include "klp-ccp/facts.h"
#include "klp-ccp/own_facts.h"
#include "klp-ccp/fun_attrs.h"
#include "klp-ccp/generic_sel.h"
#include "klp-ccp/header_state.h"
#include "klp-ccp/inline_body.h"
#include "klp-ccp/ipa_clones.h"
#include "klp-ccp/lexer.h"
#include "klp-ccp/macro_args.h"
#include "klp-ccp/patch_mode.h"
#include "klp-ccp/provider.h"
#include "klp-ccp/unevaluated.h"

struct walker {
	struct model *m;
	struct policy *pol;
	const struct closure_request *req;
	bool *scanned;			/* header macros looked through */
	int *macro_todo;		/* needed macros whose bodies are not scanned yet */
	size_t n_macro_todo, cap_macro_todo;
	bool scanning_macros;
	int *queue;
	size_t nq, capq;
	int *address_ext;		/* entities externalized for their address is taken */
	size_t n_address_ext, cap_address_ext;
	int *no_split;			/* functions whose address split failed (addr_split.c) */
	size_t n_no_split, cap_no_split;
	bool failed;
	bool for_header;		/* deciding what an included header's code names */
};

struct frame {
	const struct frame *parent;
	CXCursor cursor;
	unsigned index_in_parent;
	unsigned n_children;
	struct walker *w;
	int unit;
	bool uneval;			/* inside an unevaluated operand */
	struct uneval_parent up;	/* to judge the children */
};

static void need_unit(struct walker *w, int unit);
static void need_type(struct walker *w, CXType t, bool pointer_ctx);

static bool is_null(CXCursor c)
{
	return clang_Cursor_isNull(c) || (clang_getCursorKind(c) >= CXCursor_FirstInvalid &&
					  clang_getCursorKind(c) <= CXCursor_LastInvalid);
}

/* ---- units, tags, types ---- */

static void mark_header_needed(struct walker *w, int prov)
{
	if (prov >= 0)
		w->m->files[prov].needed = true;
	else if (prov == PROVIDER_FAILED)
		w->failed = true;
}

static void need_unit(struct walker *w, int unit)
{
	struct unit *u = &w->m->units[unit];
	int prov = header_provider(w->m, w->pol, u->file);

	if (prov != PROVIDER_NONE) {
		mark_header_needed(w, prov);
		return;
	}
	if (!u->copy) {
		u->copy = true;
		*ARRAY_PUSH(w->queue, w->nq, w->capq) = unit;
	}
}

/*
 * The unit holding file's text: none of its own when an #include inside a
 * declaration read it (enum { \n#include "features.h"\n NR }, whose
 * enumerators features.h spells): the unit around that directive.
 */
static int unit_around_include(struct model *m, int file)
{
	for (int f = file; f >= 0 && m->files[f].includer >= 0; f = m->files[f].includer) {
		int unit = model_unit_at(m, m->files[f].includer, m->files[f].directive_offset);

		if (unit >= 0)
			return unit;
	}
	return -1;
}

static void need_decl_unit(struct walker *w, CXCursor decl)
{
	int file, unit;
	unsigned off;

	if (!model_locate_expansion(w->m, clang_getCursorLocation(decl), &file, &off))
		return;
	unit = model_unit_at(w->m, file, off);
	if (unit < 0 && header_provider(w->m, w->pol, file) == PROVIDER_NONE)
		unit = unit_around_include(w->m, file);
	if (unit >= 0)
		need_unit(w, unit);
	else
		mark_header_needed(w, header_provider(w->m, w->pol, file));
}

static bool tag_is_named(CXCursor tag)
{
	CXString s = clang_getCursorSpelling(tag);
	const char *n = clang_getCString(s);
	bool named = n && *n && !strchr(n, ' ') && !strchr(n, '(');

	clang_disposeString(s);
	return named;
}

static void add_forward(struct walker *w, CXCursor canon)
{
	struct model *m = w->m;
	struct fwd_tag *ft;
	int file, unit;
	unsigned off;

	for (size_t i = 0; i < m->n_fwd; i++)
		if (clang_equalCursors(m->fwd[i].cursor, canon))
			return;
	if (!model_locate_expansion(m, clang_getCursorLocation(canon), &file, &off))
		return;
	unit = model_unit_at(m, file, off);
	if (unit < 0)
		return;
	ft = ARRAY_PUSH(m->fwd, m->n_fwd, m->cap_fwd);
	ft->cursor = canon;
	ft->unit = unit;
	ft->emitted = false;
}

static void need_tag(struct walker *w, CXCursor tag, bool complete)
{
	CXCursor def = clang_getCursorDefinition(tag), canon;
	int file, prov;
	unsigned off;

	if (clang_getCursorKind(tag) == CXCursor_EnumDecl || !tag_is_named(tag))
		complete = true;
	if (complete) {
		need_decl_unit(w, is_null(def) ? tag : def);
		return;
	}
	canon = clang_getCanonicalCursor(tag);
	if (!model_locate_expansion(w->m, clang_getCursorLocation(canon), &file, &off))
		return;
	prov = header_provider(w->m, w->pol, file);
	if (prov != PROVIDER_NONE)
		mark_header_needed(w, prov);
	else
		add_forward(w, canon);
}

static void need_record_of(struct walker *w, CXType t)
{
	CXCursor decl = clang_getTypeDeclaration(t);

	if (!is_null(decl))
		need_tag(w, decl, true);
}

static void need_function_type(struct walker *w, CXType t)
{
	int n = clang_getNumArgTypes(t);

	need_type(w, clang_getResultType(t), true);
	for (int i = 0; i < n; i++)
		need_type(w, clang_getArgType(t, (unsigned)i), true);
}

static void need_type(struct walker *w, CXType t, bool pointer_ctx)
{
	CXType canon;

	switch ((int)t.kind) {
	case CXType_Elaborated:
		need_type(w, clang_Type_getNamedType(t), pointer_ctx);
		return;
	case CXType_Typedef:
		need_decl_unit(w, clang_getTypeDeclaration(t));
		return;
	case CXType_Record:
		need_tag(w, clang_getTypeDeclaration(t), !pointer_ctx);
		return;
	case CXType_Enum:
		need_tag(w, clang_getTypeDeclaration(t), true);
		return;
	case CXType_Pointer:
		need_type(w, clang_getPointeeType(t), true);
		return;
	case CXType_ConstantArray:
	case CXType_IncompleteArray:
	case CXType_VariableArray:
		need_type(w, clang_getArrayElementType(t), pointer_ctx);
		return;
	case CXType_FunctionProto:
	case CXType_FunctionNoProto:
		need_function_type(w, t);
		return;
	case CXType_Attributed:
		need_type(w, clang_Type_getModifiedType(t), pointer_ctx);
		return;
	default:
		break;
	}
	canon = clang_getCanonicalType(t);
	if (canon.kind != t.kind && canon.kind != CXType_Unexposed)
		need_type(w, canon, pointer_ctx);
}

/* ---- decisions ---- */

static char *def_location(struct model *m, struct entity *e)
{
	struct src_loc loc = cursor_src_loc(m, e->def);

	return xasprintf("%s:%u", loc.file ? loc.file : "?", loc.line);
}

static void need_decl_units(struct walker *w, struct entity *e)
{
	for (size_t i = 0; i < e->n_decl_units; i++)
		need_unit(w, e->decl_units[i]);
}

static CXCursor entity_cursor(struct entity *e)
{
	return is_null(e->def) ? e->canonical : e->def;
}

static void declare_as(struct walker *w, int idx, enum decision d)
{
	struct entity *e = &w->m->ents[idx];
	CXType t = clang_getCursorType(entity_cursor(e));

	e->decision = d;
	if (e->kind == ENT_FUNCTION)
		need_function_type(w, t);
	else
		need_type(w, t, false);
}

static void externalize(struct walker *w, int idx)
{
	declare_as(w, idx, DEC_EXTERNALIZE);
}

/* The unit defines a function or an object (is more than declarations). */
static bool unit_defines(const struct unit *u)
{
	for (size_t i = 0; i < u->n_cursors; i++) {
		enum CXCursorKind k = clang_getCursorKind(u->cursors[i]);

		if ((k == CXCursor_FunctionDecl || k == CXCursor_VarDecl) &&
		    clang_isCursorDefinition(u->cursors[i]))
			return true;
	}
	return false;
}

/*
 * Prototypes of a copied function before its definition: copied code may call
 * it before the definition. Later declarations (EXPORT_SYMBOL's "extern
 * typeof(f) f;") are never needed, nor an EXPORT_SYMBOL(f) written before
 * the definition: its unit defines the export entry (a livepatch never
 * exports), which takes f's address.
 */
static void copy_forward_decls(struct walker *w, struct entity *e)
{
	struct model *m = w->m;
	const struct unit *def = &m->units[e->def_unit];

	for (size_t i = 0; i < e->n_decl_units; i++) {
		const struct unit *u = &m->units[e->decl_units[i]];

		if (e->decl_units[i] == e->def_unit || unit_defines(u) ||
		    header_provider(m, w->pol, u->file) != PROVIDER_NONE ||
		    model_compare_pos(m, u->file, u->start, def->file, def->start) > 0)
			continue;
		need_unit(w, e->decl_units[i]);
	}
}

static void copy_definition(struct walker *w, struct entity *e)
{
	e->decision = DEC_COPY;
	if (e->kind == ENT_FUNCTION)
		policy_add_copied(w->pol, e->name);
	if (e->def_unit < 0) {
		need_decl_units(w, e);
		return;
	}
	need_unit(w, e->def_unit);
	copy_forward_decls(w, e);
}

/* A static inline of a header lp.c does not include: see policy_shall_externalize_fun(). */
static bool refused_header_inline(struct walker *w, const struct entity *e, bool from_header)
{
	return !from_header && e->internal && !e->address_taken && e->def_unit >= 0 &&
	       w->m->units[e->def_unit].file != w->m->main_file &&
	       clang_Cursor_isFunctionInlined(e->def);
}

/* Marked by externalize_address_taken(). */
static bool address_externalized(const struct walker *w, const struct entity *e)
{
	for (size_t i = 0; i < w->n_address_ext; i++)
		if (&w->m->ents[w->address_ext[i]] == e)
			return true;
	return false;
}

/* Its declaration's tokens are read once per entity, not per question. */
static bool visible_once(struct model *m, struct entity *e)
{
	if (!e->visible)
		e->visible = declared_visible(m, e) ? 2 : 1;
	return e->visible == 2;
}

static int ask_can_shall_fun(struct walker *w, struct entity *e, bool from_header, bool *ext)
{
	/* a running original (decide_original()): where its source is */
	struct entity *d = e->orig_address ? &w->m->ents[e->orig_of] : e;
	struct src_loc loc = cursor_src_loc(w->m, entity_cursor(d));
	char *where = d->def_unit >= 0 ? def_location(w->m, d) : NULL;
	bool can = false, shall = false;
	int rc;

	rc = policy_can_externalize_fun(w->pol, e->name,
					where ? (e->internal ? "internal" : "external") : NULL,
					where, &loc, &can);
	free(where);
	if (!rc && can && d->def_unit >= 0) {
		policy_set_function_kind(w->pol, declared_noinline(d), noinline_for_stack_only(d),
					 w->for_header, visible_once(w->m, d));
		rc = policy_shall_externalize_fun(w->pol, e->name, from_header,
						  refused_header_inline(w, d, from_header), &loc,
						  &shall);
	}
	e->ext_allowed = can;
	*ext = can && (shall || e->def_unit < 0 || address_externalized(w, e));
	return rc;
}

/*
 * Did GCC split NAME (NAME.part.N) and make no .isra/.constprop clone of it?
 * The symbol table shows the split only while the part survives; the dump
 * also when the part was inlined back (skb_may_tx_timestamp: its head and
 * then its part inlined into both callers, no symbol left).
 */
static bool dump_split(const struct ipa_report *r, const char *name)
{
	size_t n = strlen(name);
	bool part = false;

	for (size_t i = 0; i < r->n_clones; i++) {
		const char *c = r->clones[i].name;

		if (strncmp(c, name, n) || c[n] != '.')
			continue;
		if (strstr(c + n, ".isra.") || strstr(c + n, ".constprop."))
			return false;	/* also of the part (can_map_frag.part.0.isra.0) */
		part |= !strncmp(c + n, ".part.", 6) && !strchr(c + n + 6, '.');
	}
	return part;
}

/* Did GCC make any clone of NAME (NAME.SUFFIX), surviving or not? */
static bool dump_cloned(const struct ipa_report *r, const char *name)
{
	size_t n = strlen(name);

	for (size_t i = 0; i < r->n_clones; i++)
		if (!strncmp(r->clones[i].name, name, n) && r->clones[i].name[n] == '.')
			return true;
	return false;
}

/* GCC's dump says no out-of-line body survived: nothing to bind to. Notes
   a split and any clone it shows (entity.ipa_split, ipa_cloned). */
static bool body_removed(struct walker *w, struct entity *e)
{
	struct ipa_report r;
	bool removed;

	if (!w->req->ipa || e->def_unit < 0)
		return false;
	ipa_report_symbol(w->req->ipa, e->name, &r);
	removed = r.found && r.removed;
	e->ipa_split = r.found && dump_split(&r, e->name);
	e->ipa_cloned = r.found && dump_cloned(&r, e->name);
	ipa_report_release(&r);
	return removed;
}

static void queue_copy(struct walker *w, int unit)
{
	struct unit *u = &w->m->units[unit];

	if (!u->copy) {
		u->copy = true;
		*ARRAY_PUSH(w->queue, w->nq, w->capq) = unit;
	}
}

/*
 * --patch changed a function of a header lp.c #includes unpatched (or what
 * it uses), or the function keeps state the running code has
 * (header_state.h): copied from its text even so, under a new name (see
 * naming.c), for the old one comes with the #include.
 */
static void copy_patched_text(struct walker *w, struct entity *e)
{
	e->decision = DEC_COPY;
	policy_add_copied(w->pol, e->name);
	queue_copy(w, e->def_unit);
}

/*
 * Without --target-object, the built-in can-externalize-fun and
 * shall-externalize-obj (hook) know no facts: they would bind a static
 * function or file-scope object to a symbol GCC never emitted (a function
 * inlined everywhere or only .isra/.constprop clones; a table folded away,
 * an object only read), and lp.c's module could not link. The original
 * compiled with its command line (own_facts.c) has the running binary's
 * symbols; one it lacks is copied, as with facts (nothing running holds
 * its state or address).
 */
static bool own_compile_lacks(struct walker *w, const struct entity *e, enum hook_id hook)
{
	/* a running original (decide_original()): its definition's entity */
	const struct entity *d = e->orig_address ? &w->m->ents[e->orig_of] : e;
	struct facts_db *db;

	if (w->req->facts || !w->req->own || !d->internal || d->local_static || d->def_unit < 0 ||
	    policy_asks(w->pol, hook))
		return false;
	db = own_facts_get(w->req->own);
	return db && !facts_get(db, e->name)->present;
}

static void decide_function(struct walker *w, int idx)
{
	struct entity *e = &w->m->ents[idx];
	int prov = e->def_unit >= 0 ?
		header_provider(w->m, w->pol, w->m->units[e->def_unit].file) : PROVIDER_NONE;
	bool ext;

	if (prov == PROVIDER_NONE &&
	    (body_removed(w, e) || own_compile_lacks(w, e, HOOK_CAN_EXTERNALIZE_FUN))) {
		e->absent = true;
		copy_definition(w, e);
		return;
	}

	if (prov != PROVIDER_NONE && prov != PROVIDER_FAILED &&
	    (patch_changes_unit(w->m, e->def_unit) ||
	     header_fun_has_state(w->m, w->req->facts, w->req->own, idx))) {
		copy_patched_text(w, e);
		return;
	}
	if (prov == PROVIDER_FAILED || ask_can_shall_fun(w, e, prov != PROVIDER_NONE, &ext)) {
		w->failed = true;
		return;
	}
	if (ext)
		externalize(w, idx);
	else if (prov != PROVIDER_NONE)
		e->decision = DEC_HEADER, mark_header_needed(w, prov);
	else
		copy_definition(w, e);
}

/*
 * GCC names a function's static variable x.N; an extern declaration of x
 * must name that symbol, which the target's DWARF tells, else that of the
 * original compiled with its command line (own_facts.c). False when that
 * compile has no such static (GCC removed it, unused or only written): the
 * running code keeps no state to share, so lp.c keeps its own.
 */
static bool name_local_static(struct walker *w, struct entity *e)
{
	CXCursor fn = clang_getCursorSemanticParent(entity_cursor(e));
	struct facts_db *db = w->req->facts;
	struct src_loc loc;
	const char *sym = NULL;
	CXString s;

	while (!clang_Cursor_isNull(fn) && clang_getCursorKind(fn) != CXCursor_FunctionDecl &&
	       !clang_isTranslationUnit(clang_getCursorKind(fn)))
		fn = clang_getCursorSemanticParent(fn);
	if (clang_Cursor_isNull(fn) || clang_getCursorKind(fn) != CXCursor_FunctionDecl)
		return true;
	if (!db && w->req->own)
		db = own_facts_get(w->req->own);
	s = clang_getCursorSpelling(fn);
	if (db)
		sym = facts_local_static(db, clang_getCString(s), e->name);
	if (sym && strcmp(sym, e->name)) {
		e->asm_name = model_intern(w->m, sym);
		/* the first of its name: GCC numbers statics per translation unit */
		if (db == w->req->facts) {
			facts_local_symbol(db, sym, &e->object, &e->sympos, &e->align);
		}
	} else if (!w->req->facts && !db) {
		loc = cursor_src_loc(w->m, entity_cursor(e));
		diag_warning_at(loc.file, loc.line, loc.col,
				"static '%s' of '%s' is externalized by its C name, which binds to nothing: GCC names it %s.N (%s)",
				e->name, clang_getCString(s), e->name,
				w->req->own ? w->req->own->failure : "no facts");
	}
	clang_disposeString(s);
	return sym || db == w->req->facts;
}

/*
 * A static whose initializer takes label addresses (&&l: a computed goto's
 * jump table, as the BPF interpreter's) points into its own function's
 * code: the running instance would send lp.c's copy into the old function.
 */
static bool holds_label_addresses(CXCursor var)
{
	return cursor_has_descendant(var, CXCursor_AddrLabelExpr);
}

/*
 * A file-scope static that C lets the unit write but the target keeps in
 * read-only data: GCC found no store to it and no use of its address, so
 * it folded its contents into the code (a lookup table's loop unrolled) and
 * no code can tell a copy from it: lp.c's copy lets GCC do the same.
 */
static bool found_constant(struct walker *w, struct entity *e)
{
	CXCursor c = entity_cursor(e);

	return w->req->facts && !e->local_static &&
	       clang_Cursor_getStorageClass(c) == CX_SC_Static && !var_read_only(c) &&
	       facts_local_rodata(w->req->facts, e->name);
}

static void decide_object(struct walker *w, int idx)
{
	struct entity *e = &w->m->ents[idx];
	struct src_loc loc = cursor_src_loc(w->m, entity_cursor(e));
	int prov = e->def_unit >= 0 ?
		header_provider(w->m, w->pol, w->m->units[e->def_unit].file) : PROVIDER_NONE;
	bool shall;

	if (prov == PROVIDER_FAILED) {
		w->failed = true;
		return;
	}
	if (prov != PROVIDER_NONE) {
		/* one with state: headers_resolve_clashes() refuses the header */
		e->decision = DEC_HEADER;
		mark_header_needed(w, prov);
		return;
	}
	if (e->absent || own_compile_lacks(w, e, HOOK_SHALL_EXTERNALIZE_OBJ)) {
		e->absent = true;
		/*
		 * A static object of this file the target has no symbol for
		 * (GCC folded a constant table away, or dropped an unused
		 * one): nothing to bind to, and its values may be needed at
		 * compile time (BUILD_BUG_ON(tbl[0] + tbl[1] > 255)).
		 */
		copy_definition(w, e);
		return;
	}
	if (found_constant(w, e)) {
		copy_definition(w, e);
		return;
	}
	if (e->local_static && holds_label_addresses(entity_cursor(e))) {
		e->decision = DEC_LOCAL_KEEP;
		return;
	}
	policy_set_object_kind(w->pol, e->local_static, var_read_only(entity_cursor(e)));
	if (policy_shall_externalize_obj(w->pol, e->name, &loc, &shall)) {
		w->failed = true;
		return;
	}
	if (shall && e->local_static && !name_local_static(w, e))
		e->decision = DEC_LOCAL_KEEP;
	else if (shall)
		externalize(w, idx);
	else if (e->local_static)
		e->decision = DEC_LOCAL_KEEP;
	else
		copy_definition(w, e);
}

/*
 * The running original of a patched function (address_target()): asked
 * about like a function whose address is taken, so externalized whenever
 * the policy can; shall-externalize-fun's answer does not matter (lp.c's
 * copy is the patched function, not the original). Unbound when the
 * target has no symbol of it (inlined everywhere, only clones) or the
 * policy cannot externalize it.
 */
static void decide_original(struct walker *w, int idx)
{
	struct entity *e = &w->m->ents[idx];
	bool ext;

	if ((w->req->facts && !facts_get(w->req->facts, e->name)->present) ||
	    own_compile_lacks(w, e, HOOK_CAN_EXTERNALIZE_FUN)) {
		e->absent = e->orig_unbound = true;
		return;
	}
	if (ask_can_shall_fun(w, e, false, &ext)) {
		w->failed = true;
		return;
	}
	if (e->ext_allowed)
		externalize(w, idx);
	else
		e->orig_unbound = true;
}

static void use_entity(struct walker *w, int idx)
{
	struct entity *e = &w->m->ents[idx];

	if (e->decision == DEC_DECLARE)
		e->decision = DEC_NONE;	/* named unevaluated first, used now */
	if (e->decision != DEC_NONE)
		return;
	closure_use_facts(w->pol, w->req->facts, e);
	if (e->orig_address)
		decide_original(w, idx);
	else if (e->kind == ENT_FUNCTION)
		decide_function(w, idx);
	else
		decide_object(w, idx);
	closure_use_facts(w->pol, NULL, NULL);
}

/* ---- the AST walk ---- */

static void add_site_at(struct frame *f, int entity, enum site_kind kind, CXSourceLocation loc);

static void add_site(struct frame *f, int entity, enum site_kind kind)
{
	add_site_at(f, entity, kind, clang_getCursorLocation(f->cursor));
}

static void add_site_at(struct frame *f, int entity, enum site_kind kind, CXSourceLocation loc)
{
	struct model *m = f->w->m;
	struct unit *u = &m->units[f->unit];
	struct entity *e = &m->ents[entity];
	struct site *s;
	int file;
	unsigned off;
	size_t len = strlen(e->name);
	const struct kfile *kf;

	s = ARRAY_PUSH(m->sites, m->n_sites, m->cap_sites);
	memset(s, 0, sizeof(*s));
	s->unit = f->unit;
	s->entity = entity;
	s->kind = kind;
	s->loc = loc;
	if (kind == SITE_LOCAL_DECL) {
		s->in_text = model_decl_spells_name(m, f->cursor, u->file, e->name, &s->offset,
						    &s->end);
		return;
	}
	if (model_locate(m, loc, &file, &off) && file == u->file) {
		kf = &m->files[file];
		s->offset = off;
		s->end = off + (unsigned)len;
		s->in_text = off >= u->start && off + len <= u->end && off + len <= kf->len &&
			     !memcmp(kf->text + off, e->name, len) &&
			     (off + len == kf->len ||
			      !is_ident_char((unsigned char)kf->text[off + len]));
	}
	if (e->orig_address && !s->in_text)
		m->ents[e->orig_of].orig_via_macro = true;
}

static bool is_call_callee(const struct frame *f)
{
	const struct frame *below = f, *p = f->parent;

	/* _Generic(x, T: f)(y) calls the association it selects; (*f)(y) and
	   (&f)(y) call f (a unary operator a call can take is one of these) */
	while (p && (clang_getCursorKind(p->cursor) == CXCursor_UnexposedExpr ||
		     clang_getCursorKind(p->cursor) == CXCursor_ParenExpr ||
		     clang_getCursorKind(p->cursor) == CXCursor_UnaryOperator ||
		     (clang_getCursorKind(p->cursor) == CXCursor_GenericSelectionExpr &&
		      below->index_in_parent > 0))) {
		below = p;
		p = p->parent;
	}
	return p && clang_getCursorKind(p->cursor) == CXCursor_CallExpr &&
	       below->index_in_parent == 0;
}

static bool in_pointer_context(const struct frame *f)
{
	const struct frame *p = f->parent;
	CXType t;

	if (!p)
		return false;
	switch (clang_getCursorKind(p->cursor)) {
	case CXCursor_FunctionDecl:
		t = clang_getResultType(clang_getCursorType(p->cursor));
		break;
	case CXCursor_TypedefDecl:
		t = clang_getTypedefDeclUnderlyingType(p->cursor);
		break;
	default:
		t = clang_getCursorType(p->cursor);
	}
	return clang_getCanonicalType(t).kind == CXType_Pointer;
}

/* A name in sizeof, typeof...: declared at the end if nothing evaluates it. */
static bool unevaluated_ref(struct frame *f, int idx)
{
	if (!f->uneval)
		return false;
	add_site(f, idx, SITE_REF);
	f->w->m->ents[idx].uneval_ref = true;
	return true;
}

/* Once per function (orig_unbound survives closure_restart()). */
static void warn_unbound(const struct frame *f, const struct entity *orig)
{
	CXFile file;
	unsigned line, col;
	CXString name;

	clang_getExpansionLocation(clang_getCursorLocation(f->cursor), &file, &line, &col, NULL);
	name = clang_getFileName(file);
	diag_warning_at(clang_getCString(name), line, col,
			"the address of patched function '%s' is taken here, but the running '%s' cannot be referenced (%s): lp.c names its own patched function, whose address differs from the one the running code holds",
			orig->name, orig->name,
			orig->absent ? "the target has no symbol of it: GCC inlined it everywhere, or has only clones of it"
				     : "the policy cannot externalize it");
	clang_disposeString(name);
}

static bool split_refused(const struct walker *w, int idx)
{
	for (size_t i = 0; i < w->n_no_split; i++)
		if (w->no_split[i] == idx)
			return true;
	return false;
}

/* A static function whose address sites name the running original (addr_split.c)? */
static bool split_address(struct walker *w, int idx)
{
	return !split_refused(w, idx) && addr_split_candidate(w->m, w->req->facts, idx);
}

/*
 * Where copied code takes the address of patched function idx (assigns,
 * compares, passes or stores it), it means the running function: the
 * running code holds and compares that address, and a pointer into the
 * livepatch would outlive its unloading (while the livepatch is enabled,
 * a call through the running one's address reaches the new code anyway).
 * So such references go to the entity of the running original, which is
 * externalized when the policy can (model_entity_original()). Direct
 * calls and cleanup attributes keep calling the patched function. So are
 * the address sites of a static function split from its calls
 * (addr_split.c).
 */
static int address_target(struct frame *f, int idx)
{
	struct model *m = f->w->m;
	bool patched = m->ents[idx].decision == DEC_PATCHED;
	int orig;

	if (is_call_callee(f) || (!patched && !split_address(f->w, idx)))
		return idx;
	orig = model_entity_original(m, idx);
	if (m->ents[orig].orig_unbound)
		return idx;
	use_entity(f->w, orig);
	if (!m->ents[orig].orig_unbound)
		return orig;
	if (patched)
		warn_unbound(f, &m->ents[orig]);
	return idx;
}

static void on_function_ref(struct frame *f, int idx)
{
	struct entity *e;

	if (unevaluated_ref(f, idx))
		return;
	idx = address_target(f, idx);
	e = &f->w->m->ents[idx];
	add_site(f, idx, SITE_REF);
	if (!e->address_taken &&
	    (!is_call_callee(f) || (!clang_Cursor_isNull(e->def) && bound_by_symbol(e->def)))) {
		e->address_taken = true;
		e->address_loc = clang_getCursorLocation(f->cursor);
	}
	use_entity(f->w, idx);
}

static void on_reference(struct frame *f, CXCursor ref)
{
	struct walker *w = f->w;
	int idx;

	switch (clang_getCursorKind(ref)) {
	case CXCursor_FunctionDecl:
		idx = model_entity_of(w->m, ref);
		if (idx >= 0)
			on_function_ref(f, idx);
		break;
	case CXCursor_VarDecl:
		idx = model_entity_of(w->m, ref);
		if (idx >= 0 && !unevaluated_ref(f, idx)) {
			add_site(f, idx, SITE_REF);
			use_entity(w, idx);
		}
		break;
	case CXCursor_EnumConstantDecl:
	case CXCursor_TypedefDecl:
		need_decl_unit(w, ref);
		break;
	case CXCursor_FieldDecl:
		need_tag(w, clang_getCursorSemanticParent(ref), true);
		break;
	case CXCursor_StructDecl:
	case CXCursor_UnionDecl:
	case CXCursor_EnumDecl:
		need_tag(w, ref, !in_pointer_context(f));
		break;
	default:
		break;
	}
}

static int macro_active_at(struct model *m, const char *name, int file, unsigned off,
			   bool or_later);

static bool is_word(const char *t, size_t s, size_t n, const char *w)
{
	return n == strlen(w) && !memcmp(t + s, w, n);
}

/* "( NAME )" after pos: NAME's offset and length. */
static bool paren_name(const struct kfile *kf, size_t pos, size_t end, size_t *name, size_t *len)
{
	const char *t = kf->text;

	while (pos < end && strchr(" \t\r\n", t[pos]))
		pos++;
	if (pos >= end || t[pos] != '(')
		return false;
	pos++;
	if (!lex_next_ident(t, end, &pos, name, len))
		return false;
	while (pos < end && strchr(" \t\r\n", t[pos]))
		pos++;
	return pos < end && t[pos] == ')';
}

/* A macro invocation find_cleanup() reads the body of: its parameters, and
 * its arguments as written in file [from, to). */
struct invocation {
	const struct invocation *outer;
	struct strlist params, args;
	int file;
	size_t from, to;
};

/*
 * The identifier t[s, s+n) read in the body of invocation inv, when it is
 * a parameter whose argument is one identifier: where that is written
 * (through outer invocations), else false.
 */
static bool argument_name(struct model *m, const struct invocation *inv, const char *t, size_t s,
			  size_t n, int *nfile, size_t *name, size_t *len)
{
	for (size_t k = 0; inv && k < inv->params.n && k < inv->args.n; k++) {
		const struct kfile *kf = &m->files[inv->file];
		const char *arg = inv->args.v[k];
		size_t pos = inv->from, as, an;

		if (!is_word(t, s, n, inv->params.v[k]))
			continue;
		while (lex_next_ident(kf->text, inv->to, &pos, &as, &an))
			if (an == strlen(arg) && !memcmp(kf->text + as, arg, an)) {
				if (!argument_name(m, inv->outer, kf->text, as, an, nfile, name, len))
					*nfile = inv->file, *name = as, *len = an;
				return true;
			}
		return false;
	}
	return false;
}

static bool find_cleanup(struct model *m, int file, unsigned start, unsigned end, int depth,
			 const struct invocation *inv, int *nfile, size_t *name, size_t *len);

/* find_cleanup() in the body of macro mi invoked at file:s (its name n bytes). */
static bool cleanup_in_macro(struct model *m, int mi, int file, size_t s, size_t n, unsigned end,
			     int depth, const struct invocation *outer, int *nfile, size_t *name,
			     size_t *len)
{
	const struct macro_def *md = &m->macros[mi];
	const struct kfile *kf = &m->files[file];
	struct invocation inv = { .outer = outer, .file = file };
	unsigned body = macro_params(m->files[md->file].text, md, &inv.params);
	size_t paren = s + n;
	bool found;

	while (paren < end && strchr(" \t\r\n", kf->text[paren]))
		paren++;
	if (md->function_like && paren < end && kf->text[paren] == '(') {
		inv.from = paren + 1;
		inv.to = lex_macro_args(kf->text, end, paren, &inv.args);
	}
	found = find_cleanup(m, md->file, body, model_macro_end(m, md), depth - 1, &inv, nfile, name, len);
	strlist_release(&inv.params);
	strlist_release(&inv.args);
	return found;
}

/*
 * The function a cleanup attribute names, as spelled in [start, end) of
 * file or in the bodies of the macros named there (depth levels; a macro's
 * parameter stands for the identifier its argument is): its file, offset
 * and length, or false. A name made by ## is not found.
 */
static bool find_cleanup(struct model *m, int file, unsigned start, unsigned end, int depth,
			 const struct invocation *inv, int *nfile, size_t *name, size_t *len)
{
	const struct kfile *kf = &m->files[file];
	size_t pos = start, s, n;
	char id[256];

	while (lex_next_ident(kf->text, end, &pos, &s, &n)) {
		int mi;

		if (is_word(kf->text, s, n, "cleanup") || is_word(kf->text, s, n, "__cleanup__")) {
			*nfile = file;
			return paren_name(kf, pos, end, name, len) &&
			       (argument_name(m, inv, kf->text, *name, *len, nfile, name, len) || true);
		}
		if (depth <= 0 || n >= sizeof(id))
			continue;
		memcpy(id, kf->text + s, n);
		id[n] = 0;
		mi = macro_active_at(m, id, file, (unsigned)s, false);
		if (mi >= 0 && m->macros[mi].file >= 0 &&
		    cleanup_in_macro(m, mi, file, s, n, end, depth, inv, nfile, name, len))
			return true;
	}
	return false;
}

/*
 * __attribute__((cleanup(f))) calls f when the variable goes out of scope.
 * libclang shows the attribute only as an UnexposedAttr that references
 * nothing, so its text is read (the attribute's own, or the macro body that
 * wrote it): f is a callee like any other.
 */
static void on_attribute(struct frame *f)
{
	struct model *m = f->w->m;
	CXSourceRange r = clang_getCursorExtent(f->cursor);
	unsigned a, b;
	size_t name, len;
	int file, fend, nfile, idx;
	char *id;

	if (!model_locate_expansion(m, clang_getRangeStart(r), &file, &a) ||
	    !model_locate_expansion(m, clang_getRangeEnd(r), &fend, &b) || fend != file || b < a ||
	    !find_cleanup(m, file, a, b + 1 > m->files[file].len ? b : b + 1, 8, NULL, &nfile, &name,
			  &len))
		return;
	id = xstrndup(m->files[nfile].text + name, len);
	idx = model_function_defined(m, id);
	free(id);
	if (idx < 0 || unevaluated_ref(f, idx))
		return;
	add_site_at(f, idx, SITE_REF,
		    clang_getLocationForOffset(m->tu, m->files[nfile].cxfile, (unsigned)name));
	use_entity(f->w, idx);
}

/*
 * Is f's declaration in a function body? libclang gives a block-scope
 * "extern int x;" the translation unit as semantic parent, so the walk's
 * own ancestry decides.
 */
static bool in_function_body(const struct frame *f)
{
	for (const struct frame *p = f->parent; p; p = p->parent)
		if (clang_getCursorKind(p->cursor) == CXCursor_CompoundStmt)
			return true;
	return false;
}

static void on_var_decl(struct frame *f)
{
	struct walker *w = f->w;
	CXCursor c = f->cursor;
	enum CX_StorageClass sc = clang_Cursor_getStorageClass(c);
	int idx;

	if (!in_function_body(f)) {
		idx = model_entity_of(w->m, c);
		if (idx >= 0)
			add_site(f, idx, SITE_DECL_NAME);
		return;
	}
	if (sc == CX_SC_Extern) {
		idx = model_entity_of(w->m, c);
		if (idx >= 0) {
			add_site(f, idx, SITE_REF);	/* renamed with the others */
			use_entity(w, idx);
		}
	} else if (sc == CX_SC_Static) {
		idx = model_entity_add_local(w->m, c);
		add_site(f, idx, SITE_LOCAL_DECL);
		/* declared by a macro body (WARN_ONCE...): stays a private copy */
		if (!w->m->sites[w->m->n_sites - 1].in_text)
			w->m->ents[idx].decision = DEC_LOCAL_KEEP;
		use_entity(w, idx);
	}
}

static void check_expr_type(struct frame *f)
{
	enum CXCursorKind k = clang_getCursorKind(f->cursor);
	CXType t = clang_getCanonicalType(clang_getCursorType(f->cursor));

	if (t.kind == CXType_Record || t.kind == CXType_Enum) {
		need_record_of(f->w, t);
	} else if (t.kind == CXType_Pointer && k == CXCursor_CompoundAssignOperator) {
		CXType p = clang_getCanonicalType(clang_getPointeeType(t));

		if (p.kind == CXType_Record)
			need_record_of(f->w, p);
	}
}

/* The unit defining typedef name (its first definition), or -1. */
static int typedef_unit(struct model *m, const char *name)
{
	for (size_t u = 0; u < m->n_units; u++)
		for (size_t i = 0; i < m->units[u].n_cursors; i++) {
			CXCursor c = m->units[u].cursors[i];
			CXString s;
			bool same;

			if (clang_getCursorKind(c) != CXCursor_TypedefDecl)
				continue;
			s = clang_getCursorSpelling(c);
			same = !strcmp(clang_getCString(s), name);
			clang_disposeString(s);
			if (same)
				return (int)u;
		}
	return -1;
}

/* libclang shows no references to _Generic's association type names. */
static void on_generic(struct frame *f)
{
	struct strlist names = { 0 };

	generic_type_names(f->w->m, f->cursor, &names);
	for (size_t i = 0; i < names.n; i++) {
		const char *sp = strchr(names.v[i], ' ');
		int unit = sp ? model_tag_def_unit(f->w->m, sp + 1) :
				typedef_unit(f->w->m, names.v[i]);

		if (unit >= 0)
			need_unit(f->w, unit);
	}
	strlist_release(&names);
}

static void examine(struct frame *f)
{
	enum CXCursorKind k = clang_getCursorKind(f->cursor);
	int idx;

	switch (k) {
	case CXCursor_DeclRefExpr:
	case CXCursor_MemberRefExpr:
	case CXCursor_TypeRef:
	case CXCursor_MemberRef:
		on_reference(f, clang_getCursorReferenced(f->cursor));
		break;
	case CXCursor_VarDecl:
		on_var_decl(f);
		break;
	case CXCursor_UnexposedAttr:
		on_attribute(f);
		break;
	case CXCursor_GenericSelectionExpr:
		on_generic(f);
		break;
	case CXCursor_FunctionDecl:
		/* a block-scope declaration is renamed, its linkage left alone */
		idx = model_entity_of(f->w->m, f->cursor);
		if (idx >= 0)
			add_site(f, idx, in_function_body(f) ? SITE_REF : SITE_DECL_NAME);
		break;
	default:
		break;
	}
	if (clang_isExpression(k))
		check_expr_type(f);
}

static enum CXChildVisitResult walk_visit(CXCursor c, CXCursor parent, CXClientData data)
{
	struct frame *p = data;
	struct frame f = { .parent = p, .cursor = c, .index_in_parent = p->n_children++,
			   .w = p->w, .unit = p->unit };

	f.uneval = p->uneval || uneval_child(&p->up, c, f.index_in_parent);
	uneval_parent_init(&f.up, c, p->up.m);
	examine(&f);
	clang_visitChildren(c, walk_visit, &f);
	return CXChildVisit_Continue;
}

static void walk_cursor(struct walker *w, int unit, CXCursor c)
{
	struct frame top = { .cursor = c, .w = w, .unit = unit };

	uneval_parent_init(&top.up, c, w->m);
	examine(&top);
	clang_visitChildren(c, walk_visit, &top);
}

/* ---- macros ---- */

/* The definition of name in effect at (file, off), or -1. */
static int macro_active_at(struct model *m, const char *name, int file, unsigned off,
			   bool or_later)
{
	int best = -1, first = -1;

	for (int i = model_macro_first(m, name); i >= 0; i = m->macros[i].next_same_name) {
		struct macro_def *md = &m->macros[i];

		if (first < 0)
			first = i;
		if (md->file < 0 || model_compare_pos(m, md->file, md->start, file, off) < 0)
			best = i;
	}
	return best >= 0 || !or_later ? best : first;
}

static void need_macro(struct walker *w, int idx, int use_file, unsigned use_off);

static void need_macros_named_in(struct walker *w, int file, unsigned start, unsigned end,
				 bool or_later)
{
	const struct kfile *kf = &w->m->files[file];
	size_t pos = start;
	char name[256];

	if (end > kf->len)
		end = (unsigned)kf->len;
	while (lex_next_name(kf->text, end, &pos, name, sizeof(name))) {
		int idx;

		if (model_macro_first(w->m, name) < 0)
			continue;
		idx = macro_active_at(w->m, name, file, start, or_later);
		if (idx >= 0)
			need_macro(w, idx, file, start);
	}
}

/* A member name (after . or ->) or a parameter of md: no macro expands there. */
static bool not_expanded_in(const struct model *m, const struct kfile *kf,
			    const struct macro_def *md, size_t at,
			    size_t n)
{
	size_t p = at;

	while (p > md->start && (kf->text[p - 1] == ' ' || kf->text[p - 1] == '\t'))
		p--;
	if (p > md->start && (kf->text[p - 1] == '.' ||
			      (kf->text[p - 1] == '>' && p - 1 > md->start && kf->text[p - 2] == '-')))
		return true;
	return md->function_like &&
	       macro_param_index(kf->text + md->start, model_macro_end(m, md) + 1 - md->start,
				 kf->text + at, n) >= 0;
}

/*
 * A header macro may expand a macro the .c file defines before its #includes
 * (pr_fmt before <linux/printk.h>): look through header macro bodies for
 * names whose definition in effect at the use site is one we copy. Or one
 * that another header defines, which the macro's own header does not
 * include (<linux/sockios.h>'s SIOCINQ is FIONREAD, from <asm/ioctls.h>):
 * the header providing it is needed too.
 */
static void scan_header_macro(struct walker *w, int idx, int use_file, unsigned use_off,
			      int depth)
{
	struct model *m = w->m;
	const struct macro_def *md = &m->macros[idx];
	const struct kfile *kf = &m->files[md->file];
	size_t pos = md->start + strlen(md->name), at, n;
	unsigned end = model_macro_end(w->m, md) + 1 < kf->len ? model_macro_end(w->m, md) + 1 :
								     (unsigned)kf->len;
	char name[256];

	if (w->scanned[idx] || depth > 8)
		return;
	w->scanned[idx] = true;
	while (lex_next_ident(kf->text, end, &pos, &at, &n)) {
		int inner, prov;

		if (n >= sizeof(name))
			continue;
		memcpy(name, kf->text + at, n);
		name[n] = '\0';
		inner = model_macro_first(m, name) < 0 ? -1 :
			macro_active_at(m, name, use_file, use_off, false);
		if (inner < 0 || m->macros[inner].file < 0 || not_expanded_in(m, kf, md, at, n))
			continue;
		prov = header_provider(m, w->pol, m->macros[inner].file);
		if (prov == PROVIDER_NONE || patch_changes_macro(m, inner)) {
			need_macro(w, inner, use_file, use_off);
			continue;
		}
		if (prov >= 0)
			mark_header_needed(w, prov);
		scan_header_macro(w, inner, use_file, use_off, depth + 1);
	}
}

/*
 * Every definition of a re-emitted macro name in the files copied from comes
 * along, in order (emit.c writes their #undef lines too): what lies between
 * them (a header testing the name) sees what it saw.
 */
static void need_redefinitions(struct walker *w, int idx)
{
	struct model *m = w->m;

	for (int i = model_macro_first(m, m->macros[idx].name); i >= 0;
	     i = m->macros[i].next_same_name)
		if (m->macros[i].file >= 0 && !m->macros[i].needed &&
		    header_provider(m, w->pol, m->macros[i].file) == PROVIDER_NONE)
			need_macro(w, i, m->macros[i].file, m->macros[i].start);
}

static void need_macro(struct walker *w, int idx, int use_file, unsigned use_off)
{
	struct macro_def *md = &w->m->macros[idx];
	int prov;

	if (md->needed || md->file < 0)
		return;
	prov = header_provider(w->m, w->pol, md->file);
	if (prov != PROVIDER_NONE) {
		mark_header_needed(w, prov);
		/* changed by --patch: re-#defined after the #include (emit.c) */
		if (!patch_changes_macro(w->m, idx)) {
			scan_header_macro(w, idx, use_file, use_off, 0);
			return;
		}
	}
	md->needed = true;
	/* a worklist, not recursion: a chain of 40,000 macros must not overflow the stack */
	*ARRAY_PUSH(w->macro_todo, w->n_macro_todo, w->cap_macro_todo) = idx;
	if (w->scanning_macros)
		return;
	w->scanning_macros = true;
	while (w->n_macro_todo) {
		int todo = w->macro_todo[--w->n_macro_todo];

		md = &w->m->macros[todo];
		need_macros_named_in(w, md->file, md->start + (unsigned)strlen(md->name),
				     model_macro_end(w->m, md) + 1, true);
		need_redefinitions(w, todo);
	}
	w->scanning_macros = false;
}

/*
 * FLAG_##name in a macro body makes a macro name out of an argument
 * (EXT4_FEATURE_RO_COMPAT_##flagname): libclang records no such expansion.
 */
static void need_pasted_macros(struct walker *w, int idx, const struct unit *u, unsigned use)
{
	struct model *m = w->m;
	const struct macro_def *md = &m->macros[idx];
	const struct kfile *df = &m->files[md->file], *uf = &m->files[u->file];
	const char *body = df->text + md->start, *hash;
	size_t n_body = model_macro_end(w->m, md) + 1 - md->start;
	struct strlist args = { 0 };

	if (!md->function_like || !memmem(body, n_body, "##", 2))
		return;
	macro_invocation_args(uf->text, uf->len, use, &args);
	for (hash = memmem(body, n_body, "##", 2); hash;
	     hash = memmem(hash + 2, n_body - (size_t)(hash + 2 - body), "##", 2)) {
		const char *l = hash, *r = hash + 2;
		size_t ln = 0, rn = 0;
		int pl, pr;
		char *name;

		while (l > body && (l[-1] == ' ' || l[-1] == '\t'))
			l--;
		while (l - ln > body && is_ident_char((unsigned char)l[-(long)ln - 1]))
			ln++;
		while (*r == ' ' || *r == '\t')
			r++;
		while (r + rn < body + n_body && is_ident_char((unsigned char)r[rn]))
			rn++;
		pl = macro_param_index(body, n_body, l - ln, ln);
		pr = macro_param_index(body, n_body, r, rn);
		if ((pl >= 0 && (size_t)pl >= args.n) || (pr >= 0 && (size_t)pr >= args.n))
			continue;
		name = xasprintf("%.*s%.*s", pl >= 0 ? (int)strlen(args.v[pl]) : (int)ln,
				 pl >= 0 ? args.v[pl] : l - ln,
				 pr >= 0 ? (int)strlen(args.v[pr]) : (int)rn, pr >= 0 ? args.v[pr] : r);
		if (model_macro_first(m, name) >= 0) {
			int def = macro_active_at(m, name, u->file, u->start, true);

			if (def >= 0)
				need_macro(w, def, u->file, u->start);
		}
		free(name);
	}
	strlist_release(&args);
}

/* Is file included, directly or not, by a directive inside the unit's range? */
static bool included_in_unit(const struct model *m, int file, const struct unit *u)
{
	for (int f = file; f >= 0 && m->files[f].includer >= 0; f = m->files[f].includer)
		if (m->files[f].includer == u->file)
			return m->files[f].directive_offset >= u->start &&
			       m->files[f].directive_offset < u->end;
	return false;
}

/*
 * An #include inside a copied declaration ("= {\n#include "tbl.def"\n}")
 * comes with its text: the macros the included text expands are the
 * unit's too.
 */
static void need_macros_of_included(struct walker *w, const struct unit *u)
{
	struct model *m = w->m;

	for (size_t f = 0; f < m->n_files; f++) {
		if (!included_in_unit(m, (int)f, u))
			continue;
		for (size_t i = 0; i < m->uses[f].n; i++) {
			int idx = model_macro_of_cursor(m, clang_getCursorReferenced(m->uses[f].v[i].cursor));

			if (idx >= 0)
				need_macro(w, idx, u->file, u->start);
		}
	}
}

static void need_expanded_macros(struct walker *w, const struct unit *u)
{
	const struct file_uses *fu = &w->m->uses[u->file];
	size_t lo = 0, hi = fu->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (fu->v[mid].offset < u->start)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < fu->n && fu->v[i].offset < u->end; i++) {
		int idx = model_macro_of_cursor(w->m, clang_getCursorReferenced(fu->v[i].cursor));

		if (idx < 0)
			continue;
		need_macro(w, idx, u->file, u->start);
		if (w->m->macros[idx].file >= 0)
			need_pasted_macros(w, idx, u, fu->v[i].offset);
	}
}

/* ---- driver ---- */

/* Macros the conditional skeleton around the unit tests (see emit.c). */
static void need_cut_group_macros(struct walker *w, const struct unit *u)
{
	const struct directives *d = model_directives(w->m, u->file);
	struct cond_cut cut = { 0 };

	directives_cut(d, u->start, u->end, &cut);
	for (size_t i = 0; i < cut.n_open; i++)
		need_macros_named_in(w, u->file, d->v[cut.open[i]].arg, d->v[cut.open[i]].end,
				     false);
	cond_cut_release(&cut);
}

static void walk_unit(struct walker *w, int unit)
{
	struct unit *u = &w->m->units[unit];

	if (u->walked)
		return;
	u->walked = true;
	for (size_t i = 0; i < u->n_cursors; i++)
		walk_cursor(w, unit, u->cursors[i]);
	need_expanded_macros(w, u);
	need_macros_named_in(w, u->file, u->start, u->end, false);
	need_cut_group_macros(w, u);
	need_macros_of_included(w, u);
}


/* "inline" meaning notrace (kernels): the running function has no ftrace hook. */
static void warn_notrace(struct model *m, const struct entity *e, const struct src_loc *loc)
{
	int idx = model_macro_first(m, "inline");
	const struct macro_def *md = idx >= 0 ? &m->macros[idx] : NULL;

	if (!md || md->file < 0 || !clang_Cursor_isFunctionInlined(e->def) ||
	    !memmem(m->files[md->file].text + md->start, model_macro_end(m, md) - md->start, "notrace", 7))
		return;
	diag_warning_at(loc->file, loc->line, loc->col,
			"patched function '%s' is declared inline, which means notrace here: the running '%s' has no ftrace hook, so a livepatch cannot redirect it; patch its callers instead",
			e->name, e->name);
}

/*
 * Did GCC split the patched function name and take the part (or the part's
 * .isra/.constprop clone) back into name itself, leaving no symbol of it
 * (dev_exceptions_copy, __get_task_ioprio: three callers, or one, made GCC
 * split it; the head, not inlined into them, took the part back)? lp.c's
 * copy, which nothing calls, is not split: the same code ends up with its
 * SSA names, and so registers, in another order. split_callers.c gives it
 * the one caller that makes GCC split it and take the part back (two when
 * a part survives in the symbol table: the plain split).
 */
static bool dump_split_self(struct ipa_graph *g, const char *name, const struct ipa_report *r)
{
	size_t n = strlen(name);
	bool back = false;

	for (size_t i = 0; i < r->n_clones; i++) {
		const char *c = r->clones[i].name;
		struct ipa_report pr;

		if (strncmp(c, name, n) || c[n] != '.')
			continue;
		if (strstr(c + n, ".constprop."))
			return false;	/* specialized for its callers' constants: a caller's unknowns undo it */
		if (strncmp(c + n, ".part.", 6))
			continue;
		ipa_report_symbol(g, c, &pr);
		back |= strlist_contains(&pr.inlined_into, name);
		ipa_report_release(&pr);
	}
	return back;
}

static void note_patched_split(struct walker *w, struct entity *e)
{
	struct ipa_report r;

	if (!w->req->ipa || e->def_unit < 0)
		return;
	ipa_report_symbol(w->req->ipa, e->name, &r);
	e->ipa_split = r.found && !r.removed && dump_split_self(w->req->ipa, e->name, &r);
	ipa_report_release(&r);
}

static void mark_patched(struct walker *w, int idx)
{
	struct entity *e = &w->m->ents[idx];
	struct src_loc loc = cursor_src_loc(w->m, e->def);

	e->decision = DEC_PATCHED;
	note_patched_split(w, e);
	if (w->req->facts) {
		closure_use_facts(w->pol, w->req->facts, e);
		if (policy_refuse_patched(w->pol, e->name, &loc))
			w->failed = true;
		closure_use_facts(w->pol, NULL, NULL);
	}
	/* copied even from an included header: the patched copy is a new function */
	queue_copy(w, e->def_unit);
	copy_forward_decls(w, e);
}

/* The function name is declared an alias of here, or NULL. */
static char *aliased_function(struct model *m, const char *name)
{
	for (size_t i = 0; i < m->n_ents; i++) {
		const struct entity *e = &m->ents[i];

		if (e->kind != ENT_FUNCTION || strcmp(e->name, name))
			continue;
		for (size_t k = 0; k < e->n_decl_units; k++) {
			const struct unit *u = &m->units[e->decl_units[k]];

			for (size_t c = 0; c < u->n_cursors; c++) {
				char *target = model_entity_of(m, u->cursors[c]) == (int)i ?
					       alias_target(u->cursors[c]) : NULL;

				if (target)
					return target;
			}
		}
	}
	return NULL;
}

static bool declared_function(struct model *m, const char *name)
{
	for (size_t i = 0; i < m->n_ents; i++)
		if (m->ents[i].kind == ENT_FUNCTION && !strcmp(m->ents[i].name, name))
			return true;
	return false;
}

static void unknown_patched(struct model *m, const char *name)
{
	const char *file = m->files[m->main_file].name;
	char *target = aliased_function(m, name);

	if (target)
		diag_error("%s: patched function '%s' is only an alias of '%s' here (as SYSCALL_DEFINE0 makes __x64_sys_NAME of __do_sys_NAME): patch '%s'",
			   file, name, target, target);
	else if (asm_defines(m->tu, name))
		diag_error("%s: patched function '%s' is defined in assembly here (a file-scope asm statement, as DEFINE_STATIC_CALL makes __SCT__ trampolines), not in C: there is no C body to copy; patch the C functions instead",
			   file, name);
	else if (declared_function(m, name))
		diag_error("%s: patched function '%s' is only declared in this translation unit, not defined: patch it in the unit that defines it",
			   file, name);
	else
		diag_error("%s: unknown patched function '%s': no definition in this translation unit",
			   file, name);
	free(target);
}

static int patched_from_list(struct walker *w, const struct closure_request *req)
{
	struct model *m = w->m;

	for (size_t i = 0; i < req->n_patched; i++) {
		int idx = model_function_defined(m, req->patched[i]);

		for (size_t j = 0; j < i; j++)
			if (!strcmp(req->patched[j], req->patched[i])) {
				diag_error("function '%s' named twice in --patched-functions",
					   req->patched[i]);
				return -1;
			}
		if (idx < 0) {
			unknown_patched(m, req->patched[i]);
			return -1;
		}
		mark_patched(w, idx);
		if (req->derived && strlist_contains(req->derived, req->patched[i]))
			m->ents[idx].from_patch = true;
	}
	return 0;
}

static int patched_from_hook(struct walker *w)
{
	struct model *m = w->m;
	size_t n = m->n_ents;

	for (size_t i = 0; i < n; i++) {
		struct entity *e = &m->ents[i];
		struct src_loc loc;
		bool yes;

		if (e->kind != ENT_FUNCTION || e->def_unit < 0 || e->decision == DEC_PATCHED ||
		    m->units[e->def_unit].file != m->main_file)
			continue;
		loc = cursor_src_loc(m, e->def);
		if (policy_is_patched(w->pol, e->name, &loc, &yes))
			return -1;
		if (yes)
			mark_patched(w, (int)i);
	}
	return 0;
}

/* Patch what contains patched code; copy (not patch) what has no body. */
static int apply_ipa(struct walker *w, const struct closure_request *req)
{
	struct ipa_plan plan;
	int rc;

	memset(&plan, 0, sizeof(plan));
	rc = ipa_plan_extension(w->m, req->ipa, req->ipa_extend, &plan);
	if (!rc && req->ipa_extend && req->facts)
		ipa_plan_clone_callers(w->m, req->facts, &plan);

	for (size_t i = 0; !rc && i < plan.add.n; i++) {
		int idx = model_function_defined(w->m, plan.add.v[i]);

		if (!req->ipa_extend) {
			diag_warning("not patching '%s' (--no-ipa-extend): it keeps running old code",
				     plan.add.v[i]);
			continue;
		}
		mark_patched(w, idx);
		w->m->ents[idx].ipa_added = true;
		w->m->ents[idx].ipa_contains = model_intern(w->m, plan.add_contains.v[i]);
	}
	for (size_t i = 0; !rc && req->ipa_extend && i < plan.removed.n; i++) {
		int idx = model_function_defined(w->m, plan.removed.v[i]);

		if (idx >= 0 && w->m->ents[idx].decision == DEC_PATCHED) {
			w->m->ents[idx].decision = DEC_COPY;
			w->m->ents[idx].ipa_removed = true;
		}
	}
	ipa_plan_release(&plan);
	return rc;
}

static bool anonymous_type(CXType t)
{
	CXString s = clang_getTypeSpelling(t);
	bool anon = strstr(clang_getCString(s), "(unnamed") || strstr(clang_getCString(s), "(anonymous");

	clang_disposeString(s);
	return anon;
}

/*
 * What only unevaluated operands name (sizeof, typeof, a dead arm) emits no
 * code and no relocation: a declaration under its own name does, never a
 * copy or an externalization. An object of an unnamed type cannot be
 * declared apart from its definition: copied as if evaluated.
 */
static void declare_unevaluated(struct walker *w)
{
	for (size_t i = 0; i < w->m->n_ents; i++) {
		struct entity *e = &w->m->ents[i];

		if (!e->uneval_ref || e->decision != DEC_NONE)
			continue;
		if (anonymous_type(clang_getCursorType(entity_cursor(e))))
			use_entity(w, (int)i);
		else
			declare_as(w, (int)i, DEC_DECLARE);
	}
}

/* The walk's state between the rounds stages.c drives. */
struct closure {
	struct walker w;
	struct walk_start *start;	/* the plan before the walk */
	size_t i;			/* queue entries walked */
};

/* Functions given an inline body (inline_body.c): globals only header inlines
 * call, and address-taken externalized ones the target inlined; any new? */
static bool add_inline_bodies(struct walker *w)
{
	struct model *m = w->m;
	struct strlist patched = {0};
	int *reached = NULL;
	size_t n = w->req->facts ? header_refs_reached(m, &reached) : 0;
	bool added = false;

	for (size_t i = 0; w->req->facts && i < m->n_ents; i++)
		if (m->ents[i].decision == DEC_PATCHED)
			strlist_push(&patched, m->ents[i].name);
	for (size_t i = 0; i < n; i++) {
		struct entity *e = &m->ents[reached[i]];

		if (!inline_body_wanted(m, w->req->facts, &patched, e))
			continue;
		e->inline_body = true;
		e->decision = DEC_COPY;
		need_unit(w, e->def_unit);
		added = true;
	}
	for (size_t i = 0; i < m->n_ents; i++) {
		struct entity *e = &m->ents[i];

		if (!inline_body_for_address(m, w->req->facts, &patched, e))
			continue;
		e->inline_body = true;	/* stays externalized: the address is the running one */
		need_unit(w, e->def_unit);
		added = true;
	}
	strlist_release(&patched);
	free(reached);
	return added;
}

int closure_walk(struct closure *c, const struct walk_roots *roots)
{
	struct walker *w = &c->w;
	size_t before = c->i;

	if (roots) {
		for (size_t k = 0; k < roots->n_units; k++)
			need_unit(w, roots->units[k]);
		w->for_header = true;	/* what an included header's code names */
		for (size_t k = 0; k < roots->n_ents; k++)
			use_entity(w, roots->ents[k]);
		w->for_header = false;
		for (size_t k = 0; k < roots->n_macros; k++)
			need_macro(w, roots->macros[k], w->m->macros[roots->macros[k]].file,
				   w->m->macros[roots->macros[k]].start);
		declare_unevaluated(w);
	}
	do {
		for (; c->i < w->nq && !w->failed; c->i++)
			walk_unit(w, w->queue[c->i]);
	} while (!w->failed && add_inline_bodies(w));
	if (w->failed)
		return -1;
	return c->i > before || !roots;
}

/*
 * The plan before the walk (patched functions queued), to walk again from.
 * Of the entities, the walk's fields (ENTITY_WALK_FIELDS, the index's do
 * not change) of those where they are not all zero: at the start, nearly
 * all are as new_entity() made them (a full copy was 2.3 MB of fresh
 * memory on fs/read_write.c, 570 page faults).
 */
struct walk_start {
	size_t n_ents, n_sites, n_fwd, nq;
	size_t *set;			/* entities whose walk's fields are not all zero */
	unsigned char *fields;		/* theirs, one after another */
	size_t n_set;
	bool *unit_copy;
};

#define WALK_FIELDS_SIZE (sizeof(struct entity) - ENTITY_WALK_FIELDS)

static bool walk_fields_zero(const struct entity *e)
{
	static const unsigned char zero[WALK_FIELDS_SIZE];

	return !memcmp((const unsigned char *)e + ENTITY_WALK_FIELDS, zero, WALK_FIELDS_SIZE);
}

static void save_start(struct walker *w, struct walk_start *s)
{
	struct model *m = w->m;
	size_t cap = 0;

	s->n_ents = m->n_ents;
	for (size_t i = 0; i < m->n_ents; i++)
		if (!walk_fields_zero(&m->ents[i]))
			*ARRAY_PUSH(s->set, s->n_set, cap) = i;
	s->fields = xmalloc((s->n_set + 1) * WALK_FIELDS_SIZE);
	for (size_t k = 0; k < s->n_set; k++)
		memcpy(s->fields + k * WALK_FIELDS_SIZE,
		       (const unsigned char *)&m->ents[s->set[k]] + ENTITY_WALK_FIELDS,
		       WALK_FIELDS_SIZE);
	s->unit_copy = xcalloc(m->n_units + 1, sizeof(bool));
	for (size_t i = 0; i < m->n_units; i++)
		s->unit_copy[i] = m->units[i].copy;
	s->n_sites = m->n_sites;
	s->n_fwd = m->n_fwd;
	s->nq = w->nq;
}

static void restore_walk_fields(struct model *m, const struct walk_start *s)
{
	size_t k = 0;

	for (size_t i = 0; i < s->n_ents; i++) {
		unsigned char *f = (unsigned char *)&m->ents[i] + ENTITY_WALK_FIELDS;

		if (k < s->n_set && s->set[k] == i)
			memcpy(f, s->fields + k++ * WALK_FIELDS_SIZE, WALK_FIELDS_SIZE);
		else
			memset(f, 0, WALK_FIELDS_SIZE);
	}
}

/* Forget the walk; keep the headers' answers (and which ones were refused). */
static void restore_start(struct walker *w, const struct walk_start *s)
{
	struct model *m = w->m;

	restore_walk_fields(m, s);
	for (size_t i = s->n_ents; i < m->n_ents; i++) {
		m->ents[i].decision = DEC_NONE;
		m->ents[i].address_taken = false;
	}
	for (size_t i = 0; i < m->n_units; i++) {
		m->units[i].copy = s->unit_copy[i];
		m->units[i].walked = false;
	}
	for (size_t i = 0; i < m->n_files; i++) {
		m->files[i].provider_done = false;
		m->files[i].needed = false;
		m->files[i].context_scanned = false;
	}
	for (size_t i = 0; i < m->n_macros; i++)
		m->macros[i].needed = false;
	memset(w->scanned, 0, (m->n_macros + 1) * sizeof(bool));
	m->n_sites = s->n_sites;
	m->n_fwd = s->n_fwd;
	w->nq = s->nq;
}

/*
 * A function the policy may externalize but chose to copy (GCC inlined it
 * into the patched code) whose address copied code takes: a copy would be
 * a different function, and the running code passes and compares the
 * running one's address (INDIRECT_CALL_2(f, a, b): f == b ? b() : ...).
 * Its address may be taken after the decision (a call came first), so
 * such functions are marked and the closure walked again. So are the
 * functions whose address split cannot stand (addr_split_fails()): walked
 * again unsplit. Returns how many were marked.
 */
static int externalize_address_taken(struct walker *w)
{
	/* only a function with a running original can be split: asking each
	 * entity addr_split_fails() scans every entity for its original */
	bool *has_original = xcalloc(w->m->n_ents + 1, sizeof(bool));
	int n = 0;

	for (size_t i = 0; i < w->m->n_ents; i++)
		if (w->m->ents[i].orig_address && w->m->ents[i].orig_of >= 0 &&
		    (size_t)w->m->ents[i].orig_of < w->m->n_ents)
			has_original[w->m->ents[i].orig_of] = true;
	for (size_t i = 0; i < w->m->n_ents; i++) {
		const struct entity *e = &w->m->ents[i];

		if (e->kind == ENT_FUNCTION && e->decision == DEC_COPY && e->address_taken &&
		    e->ext_allowed && !e->absent && !address_externalized(w, e)) {
			*ARRAY_PUSH(w->address_ext, w->n_address_ext, w->cap_address_ext) = (int)i;
			n++;
		}
		if (has_original[i] && addr_split_fails(w->m, (int)i)) {
			*ARRAY_PUSH(w->no_split, w->n_no_split, w->cap_no_split) = (int)i;
			n++;
		}
	}
	free(has_original);
	return n;
}

/* See externalize_address_taken(): > 0 when the closure must walk again. */
int closure_address_taken(struct closure *c)
{
	return externalize_address_taken(&c->w);
}

void closure_restart(struct closure *c)
{
	restore_start(&c->w, c->start);
	c->i = 0;
}

static int check_address_taken(struct model *m)
{
	int rc = 0;

	for (size_t i = 0; i < m->n_ents; i++) {
		struct entity *e = &m->ents[i];
		CXFile f;
		unsigned line, col;
		CXString name;

		/* with no running instance, no address can be compared with a copy's */
		if (e->kind != ENT_FUNCTION || e->decision != DEC_COPY || e->def_unit < 0 ||
		    !e->address_taken || e->absent)
			continue;
		clang_getExpansionLocation(e->address_loc, &f, &line, &col, NULL);
		name = clang_getFileName(f);
		diag_error_at(clang_getCString(name), line, col,
			      "address of function '%s' is taken, so it must be externalized, but the policy does not allow externalizing it",
			      e->name);
		clang_disposeString(name);
		rc = -1;
	}
	return rc;
}

/*
 * Where the target shows a patched function's code copied into others:
 * once the patched set is known, a note for the ones patched too (except
 * those the IPA extension already named), a warning for the others.
 */
static void tell_copies(struct walker *w)
{
	struct model *m = w->m;
	struct strlist told = { 0 };

	if (!w->req->facts)
		return;
	for (size_t i = 0; i < m->n_ents; i++)
		if (m->ents[i].decision == DEC_PATCHED && m->ents[i].ipa_added)
			strlist_push(&told, m->ents[i].name);
	for (size_t i = 0; i < m->n_ents; i++) {
		struct entity *e = &m->ents[i];
		struct src_loc loc;

		if (e->decision != DEC_PATCHED)
			continue;
		loc = cursor_src_loc(m, e->def);
		closure_use_facts(w->pol, w->req->facts, e);
		policy_tell_copies(w->pol, e->name, &loc, &told);
		closure_use_facts(w->pol, NULL, NULL);
	}
	strlist_release(&told);
}

static void walker_release(struct walker *w)
{
	free(w->address_ext);
	free(w->no_split);
	free(w->queue);
	free(w->scanned);
	free(w->macro_todo);
}

struct closure *closure_begin(struct model *m, struct policy *pol,
			      const struct closure_request *req)
{
	struct closure *c = xcalloc(1, sizeof(*c));
	struct walker *w = &c->w;
	struct strlist patched = {0};
	int rc;

	*w = (struct walker){ .m = m, .pol = pol, .req = req };
	w->scanned = xcalloc(m->n_macros + 1, sizeof(bool));
	rc = patched_from_list(w, req);
	if (!rc && req->by_hook)
		rc = patched_from_hook(w);
	if (!rc && req->ipa)
		rc = apply_ipa(w, req);
	if (w->failed)
		rc = -1;	/* a patched function refused (policy_refuse_patched) */

	/* once the clone dumps had their say: one without a body of its own is
	   not patched, its containers are (notes), nothing left for the user */
	for (size_t i = 0; !rc && i < m->n_ents; i++)
		if (m->ents[i].decision == DEC_PATCHED) {
			struct src_loc loc = cursor_src_loc(m, m->ents[i].def);

			warn_notrace(m, &m->ents[i], &loc);
			strlist_push(&patched, m->ents[i].name);
		}
	if (!rc && !patched.n) {
		diag_error("%s: no patched function found", m->files[m->main_file].name);
		rc = -1;
	}
	if (!rc) {
		policy_set_patched(pol, &patched);
		tell_copies(w);
		c->start = xcalloc(1, sizeof(*c->start));
		save_start(w, c->start);
	}
	strlist_release(&patched);
	if (rc || w->failed) {
		walker_release(w);
		free(c);
		return NULL;
	}
	return c;
}

int closure_end(struct closure *c, int rc)
{
	struct model *m = c->w.m;

	rc = rc || c->w.failed ? -1 : 0;
	walker_release(&c->w);
	free(c->start->set);
	free(c->start->fields);
	free(c->start->unit_copy);
	free(c->start);
	free(c);
	return rc ? rc : check_address_taken(m);
}
