/*
 * Callers for the functions GCC split in the original (see split_callers.h).
 *
 * GCC 12's rules that decide it (ipa-split.cc, ipa-inline.cc): a function
 * without direct calls, or local and called once, is not split ("not called
 * directly or called once"); after the split, the tail's only caller is the
 * head, and the inliner inlines the tail back into it unless the head "looks
 * like a wrapper" (small, inlinable) that is not called once: then the
 * growth of inlining the head everywhere counts (the wrapper penalty), the
 * tail stays, and the head is inlined into its callers. In the original
 * NAME has many callers; in lp.c a patched NAME has none and a copied one
 * often one. A never-called function calling NAME twice gives lp.c's build
 * those callers again; it costs a few bytes of code nothing runs. Not for a
 * named function --ipa-clones found inlined (its head) into all its callers:
 * they are patched, so lp.c has the original's callers already, and two
 * more would keep GCC from inlining the head into them.
 * Where only the --ipa-clones dump shows the split (the part was inlined
 * into every caller after the head, no symbol left: skb_may_tx_timestamp,
 * warn_unsupported), the never-called function calls NAME once: one
 * caller more than lp.c's is enough for the split, and with two more GCC
 * kept the part out of line (warn_unsupported.part.N called by
 * __kernel_read), where the original, whose callers were as few, inlined it.
 * Not for a function declared inline: lp.c's single call gets it whole, as
 * the pieces ended up in the original (slab.h's cache_from_obj in
 * kmem_cache_free), and a second caller would keep the part out of line.
 */
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/call_args.h"
#include "klp-ccp/clone_params.h"
#include "klp-ccp/fun_attrs.h"
#include "klp-ccp/out_of_line.h"
#include "klp-ccp/policy.h"
#include "klp-ccp/split_callers.h"
#include "klp-ccp/util.h"

/* A parameter type lp.c can spell where it ends: not an unnamed struct's. */
static bool spellable(CXType t)
{
	CXString s = clang_getTypeSpelling(t);
	const char *sp = clang_getCString(s);
	bool ok = sp && *sp && !strstr(sp, "(unnamed") && !strstr(sp, "(anonymous");

	clang_disposeString(s);
	return ok;
}

static bool callable_here(CXCursor def)
{
	CXType ft = clang_getCursorType(def);
	int n = clang_getNumArgTypes(ft);

	if (ft.kind != CXType_FunctionProto || clang_isFunctionTypeVariadic(ft) || n < 0)
		return false;
	for (int i = 0; i < n; i++)
		if (!spellable(clang_getArgType(ft, (unsigned)i)))
			return false;
	return true;
}

static bool callable_here_if_def(const struct entity *e)
{
	return e->kind == ENT_FUNCTION && !clang_Cursor_isNull(e->def) && callable_here(e->def);
}

static bool wants_callers(const struct model *m, struct facts_db *facts, struct entity *e)
{
	if (e->kind != ENT_FUNCTION || (e->decision != DEC_PATCHED && e->decision != DEC_COPY) ||
	    e->noinline || e->def_unit < 0 || clang_Cursor_isNull(e->def) ||
	    !m->units[e->def_unit].copy || e->ipa_removed)
		return false;
	e->split_back = !policy_partially_inlined(facts_get(facts, e->name));
	if (e->split_back && (!e->ipa_split || clang_Cursor_isFunctionInlined(e->def)))
		return false;
	return fun_name_written(e->def) && callable_here(e->def) && !out_of_line_always_inline(e->def);
}

/*
 * A function lp.c keeps out of line (out_of_line.c) that the target has
 * unspecialized (no .constprop clone: its callers there passed it various
 * values, or, a global function, unknown ones). lp.c's few callers may pass
 * constants: GCC would clone it for them (ip6_nh_lookup_table.constprop.N.isra.N
 * where the target has .isra.N), or with noclone still propagate them into
 * the function itself (skb_headers_offset_update(skb, 0): its body
 * vanished, the call too). A call with unknown arguments keeps it general.
 */
static bool wants_opaque_caller(struct facts_db *facts, const struct entity *e)
{
	return (e->noinline || e->noinline_early) && !e->split_callers &&
	       e->kind == ENT_FUNCTION && !clang_Cursor_isNull(e->def) &&
	       !policy_specialized(facts_get(facts, e->name)) &&
	       fun_name_written(e->def) && callable_here(e->def);
}

/* Does lp.c have the code of function sym (a symbol, maybe a clone's)? */
static bool in_livepatch(struct model *m, const char *sym)
{
	char *name = xstrndup(sym, strcspn(sym, "."));
	int i = model_function_defined(m, name);

	free(name);
	return i >= 0 && (m->ents[i].decision == DEC_PATCHED || m->ents[i].decision == DEC_COPY);
}

/* Is arg an integer constant (*v, *uns: its value and signedness)? */
static bool integer_constant(CXCursor arg, long long *v, bool *uns)
{
	CXEvalResult r = clang_Cursor_Evaluate(arg);
	bool is_int = r && clang_EvalResult_getKind(r) == CXEval_Int;

	*uns = is_int && clang_EvalResult_isUnsignedInt(r);
	*v = !is_int ? 0 : *uns ? (long long)clang_EvalResult_getAsUnsigned(r) :
				  clang_EvalResult_getAsLongLong(r);
	if (r)
		clang_EvalResult_dispose(r);
	return is_int;
}

static void note_constant(void *ctx, CXCursor call, int i, CXCursor arg)
{
	bool *found = ctx, uns;
	long long v;

	(void)call, (void)i;
	*found = *found || integer_constant(arg, &v, &uns);
}

/* Does a call of e in a function lp.c defines pass an integer constant? */
static bool livepatch_passes_constant(const struct model *m, const struct entity *e)
{
	bool found = false;

	for (size_t i = 0; i < m->n_ents && !found; i++) {
		const struct entity *f = &m->ents[i];

		if (f->kind == ENT_FUNCTION && (f->decision == DEC_PATCHED || f->decision == DEC_COPY) &&
		    f->def_unit >= 0 && m->units[f->def_unit].copy && !clang_Cursor_isNull(f->def))
			call_args_each(f->def, e->canonical, CALL_ARGS_ANY, note_constant, &found);
	}
	return found;
}

/*
 * A copied static function (not declared inline) GCC inlined everywhere in
 * the target, into functions lp.c does not have as well: there it had
 * callers lp.c lacks, which may have passed it other values. With only
 * lp.c's callers, passing it an integer constant, GCC may specialize it for
 * their constants and then inline the specialized copy nowhere
 * (__sha256_final.constprop.N called by sha256: sha224_final's 7 beside
 * sha256_final's 8 kept it general, small enough to inline for its known
 * loop count). A call with unknown arguments stands for the missing
 * callers. Not when no call in lp.c passes a constant: there is nothing to
 * specialize, and the extra caller only makes GCC weigh the function by
 * size where lp.c's callers would inline it as called once, as the target
 * did inline it everywhere; weighed, its callees (header inlines with fewer
 * callers in lp.c than in the unit, so inlined first) make it too big to
 * inline (__ip6_del_rt called by ip6_del_rt, fib6_info_release inlined into
 * it first; __ip6_del_cached_rt in fib6_nh_del_cached_rt). Not for a
 * function declared inline: a header's small inlines are legion, each
 * caller costs lp.c lines, and GCC inlines them whatever their callers.
 */
static bool wants_caller_for_missing(struct model *m, struct facts_db *facts,
				     const struct entity *e)
{
	const struct sym_facts *f;

	if (e->kind != ENT_FUNCTION || e->decision != DEC_COPY || !e->internal ||
	    e->noinline || e->noinline_early || e->split_callers || e->def_unit < 0 ||
	    clang_Cursor_isNull(e->def) || !m->units[e->def_unit].copy ||
	    clang_Cursor_isFunctionInlined(e->def))
		return false;
	f = facts_get(facts, e->name);
	if (f->present || f->clones.n)
		return false;
	for (size_t i = 0; i < f->inlined_into.n; i++)
		if (!in_livepatch(m, f->inlined_into.v[i]))
			return fun_name_written(e->def) && callable_here(e->def) &&
			       livepatch_passes_constant(m, e);
	return false;
}

/*
 * The integer constant each argument of the calls of e in the functions
 * lp.c lacks has: per parameter the first value seen, or varies (not an
 * integer constant, or another value).
 */
struct missing_calls {
	CXCursor callee;
	int n;
	bool *seen, *varies, *uns;
	long long *val;
};

static bool integer_type(CXType t)
{
	enum CXTypeKind k = clang_getCanonicalType(t).kind;

	return (k >= CXType_Bool && k <= CXType_Int128) || k == CXType_Enum;
}

static void note_argument(void *ctx, CXCursor call, int i, CXCursor arg)
{
	struct missing_calls *mc = ctx;
	long long v = 0;
	bool uns = false, is_int = !clang_Cursor_isNull(arg) && integer_constant(arg, &v, &uns);

	(void)call;
	if (!is_int || (mc->seen[i] && (mc->val[i] != v || mc->uns[i] != uns)))
		mc->varies[i] = true;
	mc->seen[i] = true, mc->val[i] = v, mc->uns[i] = uns;
}


/* A constant as C writes it, of the signedness clang gave it. */
static void add_constant(struct strbuf *sb, long long v, bool uns)
{
	if (uns)
		sb_addf(sb, "%lluULL", (unsigned long long)v);
	else if (v == (-9223372036854775807LL - 1))
		sb_adds(sb, "(-9223372036854775807LL - 1)");
	else
		sb_addf(sb, "%lldLL", v);
}

static void set_caller_args(struct model *m, struct entity *e, struct missing_calls *mc)
{
	CXType ft = clang_getCursorType(e->def);
	struct strbuf args = { 0 };
	bool any = false;

	for (int i = 0; i < mc->n; i++) {
		bool c = mc->seen[i] && !mc->varies[i] &&
			 integer_type(clang_getArgType(ft, (unsigned)i));

		sb_adds(&args, i ? ", " : "");
		if (c)
			add_constant(&args, mc->val[i], mc->uns[i]);
		else
			sb_addf(&args, "klp_ccp_a%d", i);
		any |= c;
	}
	if (any)
		e->caller_args = model_intern(m, args.buf);
	sb_release(&args);
}

static bool missing_calls_init(struct missing_calls *mc, const struct entity *e)
{
	*mc = (struct missing_calls){ .callee = e->canonical,
				      .n = clang_getNumArgTypes(clang_getCursorType(e->def)) };
	if (mc->n <= 0)
		return false;
	mc->seen = xcalloc((size_t)mc->n, sizeof(bool));
	mc->varies = xcalloc((size_t)mc->n, sizeof(bool));
	mc->uns = xcalloc((size_t)mc->n, sizeof(bool));
	mc->val = xcalloc((size_t)mc->n, sizeof(long long));
	return true;
}

static void missing_calls_release(struct missing_calls *mc)
{
	free(mc->seen), free(mc->varies), free(mc->uns), free(mc->val);
}

/*
 * The never-called caller stands for the calls lp.c lacks; where those all
 * pass the same integer constant to a parameter of integer type, it passes
 * it too: GCC weighs inlining a function by what its calls know
 * (do_loop_readv_writev's part, called with WRITE by do_iter_write, is
 * inlined into do_iter_read as in the target; with an unknown value it
 * stayed a call). Only the definitions of the functions the target inlined
 * it into are read.
 */
static void find_missing_constants(struct model *m, struct facts_db *facts, struct entity *e)
{
	const struct sym_facts *f = facts_get(facts, e->name);
	struct missing_calls mc;

	if (!missing_calls_init(&mc, e))
		return;
	for (size_t i = 0; i < f->inlined_into.n; i++) {
		char *name = xstrndup(f->inlined_into.v[i], strcspn(f->inlined_into.v[i], "."));
		int k = model_function_defined(m, name);

		free(name);
		if (k >= 0 && !in_livepatch(m, m->ents[k].name) && !clang_Cursor_isNull(m->ents[k].def))
			call_args_each(m->ents[k].def, mc.callee, mc.n, note_argument, &mc);
	}
	set_caller_args(m, e, &mc);
	missing_calls_release(&mc);
}

/*
 * The cold caller of a body the target specialized (.constprop.N, made for
 * all its calls; entity.cold_body) passes the constants every call of the
 * unit's functions passes, directly or through a header inline
 * (wrmsrl(MSR_IA32_TSC_ADJUST, v) -> native_write_msr(msr, ...)): with an
 * unknown one GCC would keep a general body for it and call that, not the
 * specialized one, from lp.c's functions. A body the target did not
 * specialize gets unknown arguments: lp.c's constants must not specialize it.
 */
static void find_unit_constants(struct model *m, struct facts_db *facts, struct entity *e)
{
	struct missing_calls mc;

	if (!policy_specialized(facts_get(facts, e->name)) || !missing_calls_init(&mc, e))
		return;
	for (size_t i = 0; i < m->n_ents; i++) {
		const struct entity *d = &m->ents[i];

		if (d->kind == ENT_FUNCTION && d->def_unit >= 0 && !clang_Cursor_isNull(d->def) &&
		    m->units[d->def_unit].file == m->main_file)
			call_args_through_each(d->def, mc.callee, mc.n, note_argument, &mc);
	}
	set_caller_args(m, e, &mc);
	missing_calls_release(&mc);
}

/*
 * Header inlines (declared inline, not always_inline) with callers lp.c
 * lacks. GCC's IPA inliner takes call edges by badness, which divides by
 * the callee's "overall growth": the growth of inlining it into all its
 * callers. In the original a header inline has many callers and its edges
 * come late; in lp.c it has few, so it is inlined first into the functions
 * lp.c copies, and those, grown past --param max-inline-insns-auto, are no
 * longer inlined where the target inlined them (fib6_info_release into
 * __ip6_del_rt before __ip6_del_rt into ip6_route_del; __nr_to_section
 * into get_pfnblock_flags_mask before it into __isolate_free_page). A cold
 * never-called caller calling it up to COLD_CALLS times stands for the
 * others: GCC does not inline into cold code where it grows, so those
 * calls keep counting in the growth as the original's callers did; it
 * passes the integer constants all those pass (find_missing_constants):
 * with unknown ones GCC would no longer specialize a body the target
 * specialized for them (reg_write64's 0x3b in tests/inline/coldcall.c). Only
 * for the header inlines reached from a function lp.c defines whose own
 * inlining into another of lp.c's functions is what the target did (its
 * inlining decision is the one at stake), and that the target inlined
 * into functions lp.c does not have.
 */
#define COLD_CALLS 4

static bool declared_inline_only(const struct entity *e)
{
	return e->kind == ENT_FUNCTION && e->internal && !clang_Cursor_isNull(e->def) &&
	       clang_Cursor_isFunctionInlined(e->def) && !out_of_line_always_inline(e->def);
}

/* Is f a function lp.c defines that the target inlined into another of them? */
static bool inlining_at_stake(struct model *m, struct facts_db *facts, const struct entity *f)
{
	const struct sym_facts *sf;

	if (f->kind != ENT_FUNCTION || (f->decision != DEC_PATCHED && f->decision != DEC_COPY) ||
	    f->def_unit < 0 || !m->units[f->def_unit].copy || clang_Cursor_isNull(f->def) ||
	    out_of_line_always_inline(f->def))
		return false;
	sf = facts_get(facts, f->name);
	for (size_t i = 0; i < sf->inlined_into.n; i++)
		if (in_livepatch(m, sf->inlined_into.v[i]))
			return true;
	return false;
}

/* The calls lp.c lacks of header inline h, at most COLD_CALLS; 0: none. */
static unsigned missing_calls(struct model *m, struct facts_db *facts, const struct entity *h)
{
	const struct sym_facts *f;
	unsigned n = 0;

	if (!declared_inline_only(h) || (h->decision != DEC_HEADER && h->decision != DEC_COPY) ||
	    h->noinline || h->noinline_early || h->split_callers || h->opaque_caller ||
	    !fun_name_written(h->def) || !callable_here(h->def))
		return 0;
	f = facts_get(facts, h->name);
	for (size_t i = 0; i < f->inlined_into.n && n < COLD_CALLS; i++)
		n += !in_livepatch(m, f->inlined_into.v[i]);
	return n;
}

struct reach {
	struct model *m;
	struct facts_db *facts;
	bool *seen;
};

static void reach_inlines(struct reach *r, CXCursor def);

static enum CXChildVisitResult visit_inline_call(CXCursor c, CXCursor parent, CXClientData data)
{
	struct reach *r = data;
	CXCursor ref;
	int idx;

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_CallExpr)
		return CXChildVisit_Recurse;
	ref = clang_getCursorReferenced(c);
	idx = clang_Cursor_isNull(ref) ? -1 : model_entity_of(r->m, ref);
	if (idx >= 0 && !r->seen[idx] && declared_inline_only(&r->m->ents[idx])) {
		r->seen[idx] = true;
		r->m->ents[idx].cold_calls = (unsigned char)missing_calls(r->m, r->facts,
									  &r->m->ents[idx]);
		if (r->m->ents[idx].cold_calls)
			find_missing_constants(r->m, r->facts, &r->m->ents[idx]);
		reach_inlines(r, r->m->ents[idx].def);
	}
	return CXChildVisit_Recurse;
}

/* Mark the header inlines def calls, and those they call. */
static void reach_inlines(struct reach *r, CXCursor def)
{
	clang_visitChildren(def, visit_inline_call, r);
}

static void mark_cold_callers(struct model *m, struct facts_db *facts)
{
	struct reach r = { m, facts, xcalloc(m->n_ents + 1, sizeof(bool)) };

	for (size_t i = 0; i < m->n_ents; i++)
		if (inlining_at_stake(m, facts, &m->ents[i]))
			reach_inlines(&r, m->ents[i].def);
	free(r.seen);
}

/*
 * A body a patched function both inlined and called (entity.cold_body,
 * out_of_line.c): one cold call at least, with the unit's constants when
 * the target specialized it.
 */
static bool wants_cold_body_caller(const struct entity *e)
{
	return e->cold_body && !e->split_callers && !e->opaque_caller &&
	       fun_name_written(e->def) && callable_here(e->def);
}

static void mark_cold_body_caller(struct model *m, struct facts_db *facts, struct entity *e)
{
	if (!e->cold_calls)
		e->cold_calls = 1;
	find_unit_constants(m, facts, e);
}

void split_callers_mark(struct model *m, struct facts_db *facts)
{
	for (size_t i = 0; i < m->n_ents; i++) {
		struct entity *e = &m->ents[i];

		e->split_callers = facts && wants_callers(m, facts, e);
		e->opaque_caller = facts && (wants_opaque_caller(facts, e) ||
					     wants_caller_for_missing(m, facts, e));
		/* clone_params_caller() wants a copied function: callable_here()
		 * spells every parameter's type (13 M instructions on kernel/fork.c
		 * when asked of every function defined) */
		if (!e->split_callers && !e->opaque_caller && e->decision == DEC_COPY &&
		    callable_here_if_def(e))
			e->opaque_caller = clone_params_caller(m, facts, e);
		if ((e->split_callers && e->split_back) ||
		    (e->opaque_caller && !e->noinline && !e->noinline_early))
			find_missing_constants(m, facts, e);
	}
	if (!facts)
		return;
	mark_cold_callers(m, facts);
	for (size_t i = 0; i < m->n_ents; i++)
		if (wants_cold_body_caller(&m->ents[i]))
			mark_cold_body_caller(m, facts, &m->ents[i]);
}

static bool returns_value(CXType ft)
{
	return clang_getCanonicalType(clang_getResultType(ft)).kind != CXType_Void;
}

/*
 * The result is used: a __must_check (warn_unused_result) function's
 * ignored one is an error under the kernel's -Werror, and a (void) cast
 * does not silence GCC.
 */
static void add_call(struct strbuf *sb, const char *name, const char *args, bool returns)
{
	if (returns)
		sb_addf(sb, "\t{ __typeof__(%s(%s)) klp_ccp_r = %s(%s); (void)klp_ccp_r; }\n",
			name, args, name, args);
	else
		sb_addf(sb, "\t%s(%s);\n", name, args);
}

/* n calls on one line, the results (if any) in one array */
static void add_cold_calls(struct strbuf *sb, const char *name, const char *args, bool returns,
			   int n)
{
	if (returns)
		sb_addf(sb, "\t__typeof__(%s(%s)) klp_ccp_r[%d] = {", name, args, n);
	for (int k = 0; k < n; k++)
		sb_addf(sb, returns ? "%s %s(%s)" : "%s%s(%s);", returns ? (k ? "," : "") : (k ? " " : "\t"),
			name, args);
	sb_adds(sb, returns ? " };\n\t(void)klp_ccp_r;\n" : "\n");
}

/*
 * A parameter's type as lp.c spells it. A type written with typeof (the
 * kernel's SYSCALL_DEFINE gives __se_sys_NAME's parameters as
 * __typeof(__builtin_choose_expr(__same_type(...) || ..., 0LL, 0L)))
 * prints as that whole expression, macros expanded: a reviewer reads the
 * type it stands for (long) instead, when that one is spellable.
 */
static char *param_type(CXType t)
{
	CXString s = clang_getTypeSpelling(t);
	char *sp = xstrdup(clang_getCString(s));

	clang_disposeString(s);
	if (strstr(sp, "typeof") && spellable(clang_getCanonicalType(t))) {
		free(sp);
		s = clang_getTypeSpelling(clang_getCanonicalType(t));
		sp = xstrdup(clang_getCString(s));
		clang_disposeString(s);
	}
	return sp;
}

/*
 * A patched function whose part GCC took back into it (closure.c): its
 * caller is cold, so that GCC does not inline the head into it, which
 * would leave the part two callers and keep it out of line
 * (klpp_vfs_rmdir.part.0, where the target has vfs_rmdir whole).
 */
static bool split_self(const struct entity *e)
{
	return e->decision == DEC_PATCHED && e->split_callers && e->split_back;
}

static void add_caller(struct strbuf *sb, const struct entity *e)
{
	const char *name = e->new_name ? e->new_name : e->name;
	CXType ft = clang_getCursorType(e->def);
	int n = clang_getNumArgTypes(ft), calls;
	struct strbuf args = { 0 };

	if (e->split_callers && e->split_back)
		sb_addf(sb, "\n/* klp-ccp: never called. GCC split %s in the original, where it had\n"
			    " * callers, and inlined both parts into them; with this it does so for %s too. */\n",
			e->name, name);
	else if (e->split_callers)
		sb_addf(sb, "\n/* klp-ccp: never called. GCC split %s in the original, where it had\n"
			    " * callers (partial inlining: %s.part.N); with these it splits %s too. */\n",
			e->name, e->name, name);
	else if ((e->noinline || e->noinline_early) && e->caller_args)
		sb_addf(sb, "\n/* klp-ccp: never called. In the original GCC specialized %s (.constprop)\n"
			    " * for the constants all its callers passed; with this call it does so for\n"
			    " * the same ones only, not for others lp.c's calls pass (clone_params.c). */\n",
			e->name);
	else if (e->noinline || e->noinline_early)
		sb_addf(sb, "\n/* klp-ccp: never called. In the original %s had callers passing it\n"
			    " * other values; with this one GCC does not specialize %s for lp.c's. */\n",
			e->name, name);
	else if (e->cold_calls)
		;	/* cold_callers_text() says why */
	else
		sb_addf(sb, "\n/* klp-ccp: never called. In the original %s was inlined into functions\n"
			    " * lp.c does not have; this call stands for them. */\n", e->name);
	sb_addf(sb, "static void __attribute__((__used__%s)) klp_ccp_callers_of_%s(",
		e->cold_calls || split_self(e) ? ", __cold__" : "", name);
	for (int i = 0; i < n; i++) {
		char *t = param_type(clang_getArgType(ft, (unsigned)i));

		/* a declarator around the name (pointer to function, array) needs __typeof__ */
		if (strpbrk(t, "(["))
			sb_addf(sb, "%s__typeof__(%s) klp_ccp_a%d", i ? ", " : "", t, i);
		else	/* "struct hdr *" + name as C writes it */
			sb_addf(sb, "%s%s%sklp_ccp_a%d", i ? ", " : "", t,
				t[0] && t[strlen(t) - 1] == '*' ? "" : " ", i);
		sb_addf(&args, "%sklp_ccp_a%d", i ? ", " : "", i);
		free(t);
	}
	sb_addf(sb, "%s)\n{\n", n ? "" : "void");
	if (e->caller_args) {
		sb_release(&args);
		sb_adds(&args, e->caller_args);
	}
	calls = e->split_callers && !e->split_back ? 2 : e->cold_calls ? e->cold_calls : 1;
	if (e->cold_calls)
		add_cold_calls(sb, name, args.len ? args.buf : "", returns_value(ft), calls);
	else
		for (int k = 0; k < calls; k++)
			add_call(sb, name, args.len ? args.buf : "", returns_value(ft));
	sb_adds(sb, "}\n");
	sb_release(&args);
}

/* The cold never-called callers of header inlines, under one comment. */
static void cold_callers_text(struct strbuf *sb, const struct model *m)
{
	bool first = true;

	for (size_t i = 0; i < m->n_ents; i++) {
		if (!m->ents[i].cold_calls || m->ents[i].split_callers || m->ents[i].opaque_caller)
			continue;
		if (first)
			sb_adds(sb, "\n/* klp-ccp: never called. In the original these functions had callers\n"
				    " * lp.c lacks; these unlikely calls stand for them, so that GCC inlines\n"
				    " * them as late, and calls them where the original did. */\n");
		first = false;
		add_caller(sb, &m->ents[i]);
	}
}

char *split_callers_text(const struct model *m)
{
	struct strbuf sb = { 0 };

	for (size_t i = 0; i < m->n_ents; i++)
		if (m->ents[i].split_callers || m->ents[i].opaque_caller)
			add_caller(&sb, &m->ents[i]);
	cold_callers_text(&sb, m);
	return sb.len ? sb_detach(&sb) : xstrdup("");
}
