/*
 * Why a patched function compiled from lp.c differs from the target's: the
 * comparison of src/objcmp.c on the function and its .cold/.part parts, then
 * a class from what the two builds call (include/klp-ccp/verify.h). A class
 * other than "code" is given only when the objects show its cause.
 */
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/facts.h"
#include "klp-ccp/objcmp.h"
#include "klp-ccp/verify.h"

const char *const verify_class_names[] = {
	[VC_IDENTICAL] = "identical",
	[VC_INLINED] = "inlined-differently",
	[VC_CLONE] = "clone-called",
	[VC_IPA] = "ipa-facts",
	[VC_LINE] = "line-only",
	[VC_MISSING] = "missing",
	[VC_CALLERS] = "caller-knowledge",
	[VC_CODE] = "code",
};

/* A function and the parts GCC split off it (NAME.cold, NAME.part.N...). */
struct pieces {
	const struct objcmp_func **v;
	size_t n, cap;
};

/* ".cold", ".part.1", ".part.1.cold", ".cold.2": pieces of one function's code. */
static bool part_suffix(const char *s)
{
	bool any = false;

	while (*s == '.') {
		size_t n = strcspn(s + 1, ".");

		if ((n == 4 && !strncmp(s + 1, "cold", 4)) || (n == 4 && !strncmp(s + 1, "part", 4)))
			any = true;
		else if (!n || strspn(s + 1, "0123456789") != n)
			return false;
		s += 1 + n;
	}
	return any && !*s;
}

/* The function itself first (NULL when absent), then its parts. */
static void collect_pieces(const struct objcmp_obj *o, const char *name, struct pieces *p)
{
	size_t len = strlen(name);

	*(const struct objcmp_func **)ARRAY_PUSH(p->v, p->n, p->cap) = objcmp_find(o, name);
	for (size_t i = 0; i < objcmp_nfuncs(o); i++) {
		const struct objcmp_func *f = objcmp_func_at(o, i);

		if (!strncmp(f->name, name, len) && part_suffix(f->name + len))
			*(const struct objcmp_func **)ARRAY_PUSH(p->v, p->n, p->cap) = f;
	}
}

/* Clone numbers as '#': ".part.1" and ".part.3" are the same part. */
static char *norm_suffix(const char *name, size_t len)
{
	return objcmp_normalize(name + len, NULL);
}

static void set_detail(struct verify_result *out, enum verify_class cls, char *detail)
{
	out->cls = cls;
	free(out->detail);
	out->detail = detail;
}

/* ---- comparing the pieces ---- */

struct comparison {
	enum objcmp_result worst;
	char *reason;			/* of the first difference */
	struct strlist only_target;	/* parts without a counterpart */
	struct strlist only_lp;
};

/* The worst result decides; the reason is that of its first occurrence. */
static void note_result(struct comparison *c, enum objcmp_result res, const char *label,
			char *reason)
{
	if (res > c->worst) {
		free(c->reason);
		c->reason = xasprintf("%s: %s", label, reason ? reason : "differs");
		c->worst = res;
	}
	free(reason);
}

static void compare_pieces(const struct objcmp_obj *t, const struct pieces *tp, size_t tlen,
			   const struct objcmp_obj *lp, const struct pieces *lpp, size_t llen,
			   struct comparison *c)
{
	bool *used = xcalloc(lpp->n + 1, sizeof(bool));

	for (size_t i = 0; i < tp->n; i++) {
		char *si = norm_suffix(tp->v[i]->name, tlen), *reason = NULL;
		const struct objcmp_func *match = NULL;
		enum objcmp_result res;

		for (size_t j = 1; j < lpp->n && !match && i; j++) {
			char *sj = norm_suffix(lpp->v[j]->name, llen);

			if (!used[j] && !strcmp(si, sj))
				match = lpp->v[j], used[j] = true;
			free(sj);
		}
		if (!i)
			match = lpp->v[0];
		free(si);
		if (!match) {
			strlist_push(&c->only_target, tp->v[i]->name);
			note_result(c, OBJCMP_DIFFERS, tp->v[i]->name,
				    xstrdup("only in the target"));
			continue;
		}
		res = objcmp_compare(t, tp->v[i], lp, match, &reason, NULL);
		note_result(c, res, tp->v[i]->name, reason);
	}
	for (size_t j = 1; j < lpp->n; j++) {
		if (used[j])
			continue;
		strlist_push(&c->only_lp, lpp->v[j]->name);
		note_result(c, OBJCMP_DIFFERS, lpp->v[j]->name, xstrdup("only in lp.c's build"));
	}
	free(used);
}

/* ---- what the builds call ---- */

struct calls {
	struct strlist callees;		/* normalized names */
	struct strlist refs;		/* every relocation target name */
};

static char *target_base(const char *target)
{
	size_t n = strcspn(target, "+-");

	return xstrndup(target, n);
}

static void collect_calls(const struct objcmp_obj *o, const struct pieces *p, struct calls *c)
{
	for (size_t i = 0; i < p->n; i++) {
		objcmp_callees(o, p->v[i], &c->callees);
		for (size_t k = 0; k < p->v[i]->nrelocs; k++) {
			char *b = target_base(p->v[i]->relocs[k].target);

			if (strlist_contains(&c->refs, b))
				free(b);
			else
				strlist_push_owned(&c->refs, b);
		}
	}
}

static void calls_release(struct calls *c)
{
	strlist_release(&c->callees);
	strlist_release(&c->refs);
}

/* The C name a (normalized) symbol name was made from: "f" of "f.constprop.#". */
static char *base_of(const char *name)
{
	return xstrndup(name, strcspn(name, "."));
}

static bool clone_name(const char *name)
{
	return strstr(name, ".constprop.") || strstr(name, ".isra.") || strstr(name, ".part.");
}

/* Does o define a function made from the C function of name? */
static bool defines(const struct objcmp_obj *o, const char *name)
{
	char *b = base_of(name);
	bool found = false;

	for (size_t i = 0; i < objcmp_nfuncs(o) && !found; i++)
		found = !strcmp(objcmp_func_at(o, i)->base, b);
	free(b);
	return found;
}

/* What a user reads: clone numbers (normalized to '#') as "N". */
static char *display(const char *name)
{
	char *s = xstrdup(name);

	for (char *p = s; *p; p++)
		if (*p == '#')
			*p = 'N';
	return s;
}

static void add_list(struct strbuf *sb, const char *what, const struct strlist *l)
{
	if (!l->n)
		return;
	sb_addf(sb, "%s%s ", sb->len ? "; " : "", what);
	for (size_t i = 0; i < l->n; i++) {
		char *d = display(l->v[i]);

		sb_addf(sb, "%s%s", i ? ", " : "", d);
		free(d);
	}
}

/* Callees in one build only, sorted into what explains them. */
struct call_diff {
	struct strlist inl_lp;		/* called in the target, inlined in lp.c's build */
	struct strlist inl_target;	/* the reverse */
	struct strlist clones;		/* "TARGET-CALLEE LP-CALLEE" pairs, as text */
	struct strlist clone_names;
	struct strlist via_pointer;	/* called through lp.c's pointer to it */
	struct strlist thunks;		/* branch thunks one build calls: no C call */
	struct strlist other_target;	/* calls no inlining explains: code */
	struct strlist other_lp;
	struct strlist via;		/* "X (called by Y)": made by an inlined Y */
};

static void call_diff_release(struct call_diff *d)
{
	strlist_release(&d->inl_lp);
	strlist_release(&d->inl_target);
	strlist_release(&d->clones);
	strlist_release(&d->clone_names);
	strlist_release(&d->via_pointer);
	strlist_release(&d->thunks);
	strlist_release(&d->other_target);
	strlist_release(&d->other_lp);
	strlist_release(&d->via);
}

/* x in from only: a clone of the same function called in to instead? */
static const char *clone_partner(const char *x, const struct strlist *from_calls,
				 const struct strlist *to_calls)
{
	char *bx = base_of(x);
	const char *found = NULL;

	for (size_t i = 0; i < to_calls->n && !found; i++) {
		const char *y = to_calls->v[i];
		char *by = base_of(y);

		if (!strcmp(bx, by) && !strlist_contains(from_calls, y) &&
		    (clone_name(x) || clone_name(y)))
			found = y;
		free(by);
	}
	free(bx);
	return found;
}

/* ---- evidence of inlining ---- */

/* The DWARF facts of build i (0 target, 1 lp.c's), NULL without DWARF. */
static struct facts_db *facts_of(struct verify_objs *o, int i)
{
	const struct objcmp_obj *obj = i ? o->lp : o->target;

	if (!o->facts_tried[i] && objcmp_has_section(obj, ".debug_info")) {
		struct strlist paths = {0};

		strlist_push(&paths, i ? o->lp_path : o->target_path);
		o->facts[i] = facts_open(&paths, NULL);
		strlist_release(&paths);
	}
	o->facts_tried[i] = true;
	return o->facts[i];
}

static bool inlined_into(struct facts_db *db, const char *callee, const char *fn)
{
	const struct sym_facts *f = facts_get(db, callee);
	size_t n = strlen(fn);

	for (size_t i = 0; i < f->inlined_into.n; i++) {
		const char *s = f->inlined_into.v[i];

		if (!strncmp(s, fn, n) && (!s[n] || s[n] == '.'))
			return true;
	}
	return false;
}

/*
 * Did build i inline x (a normalized name) into fn, where the other build
 * calls it? Its DWARF says so when it has DWARF (a copied callee may be
 * renamed klpr_X in lp.c). Else: x must be a function of the translation
 * unit, which a build defines or the report says lp.c externalized.
 */
static bool inlined_in(struct verify_objs *o, int i, const char *x, const char *fn)
{
	struct facts_db *db = facts_of(o, i);
	char *b = base_of(x), *renamed;
	bool yes;

	if (db) {
		renamed = xasprintf("klpr_%s", b);
		yes = inlined_into(db, b, fn) || (i && inlined_into(db, renamed, fn));
		free(renamed);
	} else {
		yes = defines(o->target, x) || defines(o->lp, x) ||
		      strlist_contains(o->local_externalized, b);
	}
	free(b);
	return yes;
}

/* ---- sorting the calls made in one build only ---- */

struct side {
	const struct calls *mine, *theirs;
	bool in_target;			/* mine are the target's calls */
	const char *name, *lp_name;
};

/*
 * A thunk the compiler branches through to return or to call indirectly
 * (x86 return thunk and retpolines, s390 expolines): whether a build calls
 * one, and which register's, follows from tail calls and register choice,
 * which other differences explain (an externalized callee's IPA facts).
 */
static bool branch_thunk(const char *name)
{
	static const char *const prefixes[] = { "__x86_return_thunk", "__x86_indirect_thunk_",
		"__x86_indirect_call_thunk_", "__x86_indirect_jump_thunk_",
		"__s390_indirect_jump_", NULL };

	for (int i = 0; prefixes[i]; i++)
		if (!strncmp(name, prefixes[i], strlen(prefixes[i])))
			return true;
	return false;
}

/* ".part.#" in a normalized name: the tail GCC split off a function. */
static bool part_clone(const char *name)
{
	return strstr(name, ".part.") != NULL;
}

static void sort_one_sided(struct verify_objs *o, const char *x, const struct side *sd,
			   struct call_diff *d)
{
	const char *partner = clone_partner(x, &sd->mine->callees, &sd->theirs->callees);

	/*
	 * The other build calls x's split-off tail and has x inlined (its
	 * head, partial inlining): x is inlined there, and what the head calls
	 * comes with it (__do_pipe_flags' create_pipe_files in do_pipe2).
	 */
	if (partner && part_clone(partner) && !clone_name(x) &&
	    inlined_in(o, sd->in_target ? 1 : 0, x, sd->in_target ? sd->lp_name : sd->name)) {
		strlist_push(sd->in_target ? &d->inl_lp : &d->inl_target, x);
		return;
	}
	if (branch_thunk(x)) {
		strlist_push_owned(&d->thunks, xasprintf("%s (%s)", x, sd->in_target ?
							 "the target" : "lp.c's build"));
	} else if (partner) {
		if (sd->in_target)
			strlist_push_owned(&d->clones, xasprintf("the target calls %s, lp.c's build %s",
								 x, partner));
		strlist_push(&d->clone_names, x);
	} else if (sd->in_target && strlist_contains(&sd->theirs->refs, x)) {
		strlist_push(&d->via_pointer, x);
	} else if (sd->in_target ? inlined_in(o, 1, x, sd->lp_name) :
		   inlined_in(o, 0, x, sd->name)) {
		strlist_push(sd->in_target ? &d->inl_lp : &d->inl_target, x);
	} else {
		strlist_push(sd->in_target ? &d->other_target : &d->other_lp, x);
	}
}

static void diff_calls(struct verify_objs *o, const struct calls *ct, const struct calls *cl,
		       const char *name, const char *lp_name, struct call_diff *d)
{
	struct side st = { ct, cl, true, name, lp_name }, sl = { cl, ct, false, name, lp_name };

	for (size_t i = 0; i < ct->callees.n; i++)
		if (!strlist_contains(&cl->callees, ct->callees.v[i]))
			sort_one_sided(o, ct->callees.v[i], &st, d);
	for (size_t i = 0; i < cl->callees.n; i++)
		if (!strlist_contains(&ct->callees, cl->callees.v[i]))
			sort_one_sided(o, cl->callees.v[i], &sl, d);
}

/*
 * Does a function named like one of inlined (the other build's out-of-line
 * copy in obj) call x, itself or through its callees (3 levels)? Then the
 * call to x comes with that inlining. Its name, else NULL.
 */
static const char *caller_among(const struct objcmp_obj *obj, const struct strlist *inlined,
				const char *x, int depth)
{
	for (size_t i = 0; i < inlined->n; i++) {
		struct strlist callees = {0};
		const char *found = NULL;

		for (size_t k = 0; k < objcmp_nfuncs(obj); k++)
			if (!strcmp(objcmp_func_at(obj, k)->norm, inlined->v[i]))
				objcmp_callees(obj, objcmp_func_at(obj, k), &callees);
		if (strlist_contains(&callees, x) ||
		    (depth > 1 && caller_among(obj, &callees, x, depth - 1)))
			found = inlined->v[i];
		strlist_release(&callees);
		if (found)
			return found;
	}
	return NULL;
}

/* Is any of names a function obj has out of line? */
static bool any_defined(const struct objcmp_obj *obj, const struct strlist *names)
{
	for (size_t i = 0; i < names->n; i++)
		for (size_t k = 0; k < objcmp_nfuncs(obj); k++)
			if (!strcmp(objcmp_func_at(obj, k)->norm, names->v[i]))
				return true;
	return false;
}

/*
 * Calls in one build only that a callee inlined there brought along: the
 * other build's out-of-line copy of that callee makes them. When the other
 * build has no copy of any callee inlined here (lp.c externalized them),
 * calls made here alone are taken as coming from the inlined code.
 */
static void explain_by_inlining(const struct verify_objs *o, struct call_diff *d)
{
	struct strlist *lists[2] = { &d->other_lp, &d->other_target };
	struct strlist *inl[2] = { &d->inl_lp, &d->inl_target };
	const struct objcmp_obj *other[2] = { o->target, o->lp };

	for (int side = 0; side < 2; side++) {
		struct strlist *l = lists[side], left = {0};
		bool unseen = inl[side]->n && !any_defined(other[side], inl[side]);

		for (size_t i = 0; i < l->n; i++) {
			const char *y = caller_among(other[side], inl[side], l->v[i], 3);

			if (y)
				strlist_push_owned(&d->via, xasprintf("%s (called by %s)", l->v[i], y));
			else if (unseen)
				strlist_push_owned(&d->via, xasprintf("%s (from the inlined code)",
								       l->v[i]));
			else
				strlist_push(&left, l->v[i]);
		}
		strlist_release(l);
		*l = left;
	}
}

/*
 * Is x a stub o defines in assembly, not a C function GCC compiled: a static
 * call's trampoline (__SCT__NAME, DEFINE_STATIC_CALL's asm in
 * .static_call.text)? GCC knew nothing of its code: a declaration of it in
 * lp.c loses no fact, so it does not explain a difference.
 */
static bool asm_stub(const struct objcmp_obj *o, const char *x)
{
	for (size_t i = 0; i < objcmp_nfuncs(o); i++) {
		const struct objcmp_func *f = objcmp_func_at(o, i);

		if (!strcmp(f->norm, x) && f->section && !strcmp(f->section, ".static_call.text"))
			return true;
	}
	return false;
}

/* Callees lp.c externalizes whose local definition GCC saw in the original. */
static void externalized_callees(const struct verify_objs *o, const struct calls *ct,
				 struct strlist *out)
{
	for (size_t i = 0; i < ct->callees.n; i++) {
		const char *x = ct->callees.v[i];
		char *b = base_of(x);

		if (defines(o->target, x) && !asm_stub(o->target, x) &&
		    (strlist_contains(o->local_externalized, b) || !defines(o->lp, x)))
			strlist_push(out, x);
		free(b);
	}
}

/* ---- the class ---- */

static void copy_list(struct strlist *to, const struct strlist *from)
{
	for (size_t i = 0; i < from->n; i++)
		if (!strlist_contains(to, from->v[i]))
			strlist_push(to, from->v[i]);
}

/* Statics lp.c calls (externalized) that the target has no symbol of. */
static void unbound(const struct verify_objs *o, const struct strlist *called,
		    struct strlist *out)
{
	for (size_t i = 0; i < called->n; i++) {
		char *b = base_of(called->v[i]);

		if (strlist_contains(o->local_externalized, b) && !defines(o->target, b) &&
		    !defines(o->lp, b))
			strlist_push(out, b);
		free(b);
	}
}

static bool classify_calls(const struct verify_objs *o, const struct call_diff *d,
			   const struct comparison *c, struct verify_result *out)
{
	struct strbuf sb = {0};
	struct strlist nowhere = {0};

	if (d->other_target.n || d->other_lp.n || d->via_pointer.n) {
		add_list(&sb, "calls only in the target:", &d->other_target);
		add_list(&sb, "calls only in lp.c's build:", &d->other_lp);
		add_list(&sb, "called through lp.c's pointer", &d->via_pointer);
		add_list(&sb, "branch thunks in one build only:", &d->thunks);
		sb_addf(&sb, "; %s", c->reason);
		set_detail(out, VC_CODE, sb_detach(&sb));
		return true;
	}
	if (d->inl_lp.n || d->inl_target.n) {
		add_list(&sb, "inlined in lp.c's build, called in the target:", &d->inl_lp);
		add_list(&sb, "inlined in the target, called in lp.c's build:", &d->inl_target);
		add_list(&sb, "with their calls", &d->via);
		add_list(&sb, "and", &d->clones);
		unbound(o, &d->inl_target, &nowhere);
		add_list(&sb, "the target has no symbol of the static", &nowhere);
		if (nowhere.n)
			sb_adds(&sb, " that lp.c externalizes (nothing to bind to: copy instead)");
		strlist_release(&nowhere);
		copy_list(&out->callees, &d->inl_lp);
		copy_list(&out->callees, &d->inl_target);
		set_detail(out, VC_INLINED, sb_detach(&sb));
		return true;
	}
	if (d->clones.n) {
		for (size_t i = 0; i < d->clones.n; i++) {
			char *t = display(d->clones.v[i]);

			sb_addf(&sb, "%s%s", i ? "; " : "", t);
			free(t);
		}
		copy_list(&out->callees, &d->clone_names);
		set_detail(out, VC_CLONE, sb_detach(&sb));
		return true;
	}
	return false;
}

/* Parts split off in one build only: partial inlining or cloning differs. */
static bool classify_parts(const struct comparison *c, struct verify_result *out)
{
	struct strbuf sb = {0};
	bool clones = false;

	for (size_t i = 0; i < c->only_target.n; i++)
		clones |= clone_name(c->only_target.v[i]);
	for (size_t i = 0; i < c->only_lp.n; i++)
		clones |= clone_name(c->only_lp.v[i]);
	if (!c->only_target.n && !c->only_lp.n)
		return false;
	add_list(&sb, "only in the target:", &c->only_target);
	add_list(&sb, "only in lp.c's build:", &c->only_lp);
	copy_list(&out->callees, &c->only_target);
	copy_list(&out->callees, &c->only_lp);
	set_detail(out, clones ? VC_CLONE : VC_CODE, sb_detach(&sb));
	return true;
}

static void classify_difference(struct verify_objs *o, const struct pieces *tp,
				const struct pieces *lpp, const char *name, const char *lp_name,
				const struct comparison *c, struct verify_result *out)
{
	struct calls ct = {0}, cl = {0};
	struct call_diff d = {0};
	struct strlist ipa = {0};

	collect_calls(o->target, tp, &ct);
	collect_calls(o->lp, lpp, &cl);
	diff_calls(o, &ct, &cl, name, lp_name, &d);
	explain_by_inlining(o, &d);
	if (!classify_calls(o, &d, c, out) && !classify_parts(c, out)) {
		struct strbuf sb = {0};

		externalized_callees(o, &ct, &ipa);
		if (ipa.n) {
			add_list(&sb, "calls externalized", &ipa);
			sb_adds(&sb, " (defined in the original unit: GCC used what it knew of it)");
			copy_list(&out->callees, &ipa);
		}
		add_list(&sb, "branch thunks in one build only:", &d.thunks);
		if (!tp->v[0]->global && lpp->v[0]->global)
			sb_addf(&sb, "%s%s is local in the target, %s global in lp.c's build (GCC "
				"knew all the target's callers: the values they pass)",
				sb.len ? "; " : "", name, lp_name);
		sb_addf(&sb, "%s%s", sb.len ? "; " : "", c->reason);
		set_detail(out, ipa.n ? VC_IPA : VC_CODE, sb_detach(&sb));
	}
	strlist_release(&ipa);
	call_diff_release(&d);
	calls_release(&ct);
	calls_release(&cl);
}

/* "NAME is not a function of WHERE", naming the clones of it there. */
static char *missing(const struct objcmp_obj *obj, const char *name, const char *where)
{
	struct strlist clones = {0};
	struct strbuf sb = {0};
	size_t n = strlen(name);

	for (size_t i = 0; i < objcmp_nfuncs(obj); i++) {
		const char *f = objcmp_func_at(obj, i)->name;

		if (!strncmp(f, name, n) && f[n] == '.')
			strlist_push(&clones, f);
	}
	sb_addf(&sb, "%s is not a function of %s", name, where);
	for (size_t i = 0; i < clones.n; i++)
		sb_addf(&sb, "%s%s", i ? ", " : " (only its clones: ", clones.v[i]);
	if (clones.n)
		sb_addc(&sb, ')');
	strlist_release(&clones);
	return sb_detach(&sb);
}

void verify_classify(struct verify_objs *o, const char *name, const char *lp_name,
		     struct verify_result *out)
{
	struct pieces tp = {0}, lpp = {0};
	struct comparison c = {0};

	memset(out, 0, sizeof(*out));
	collect_pieces(o->target, name, &tp);
	collect_pieces(o->lp, lp_name, &lpp);
	if (!tp.v[0] || !lpp.v[0]) {
		set_detail(out, VC_MISSING, !tp.v[0] ? missing(o->target, name, "the target") :
			   missing(o->lp, lp_name, "lp.c's build"));
		goto out;
	}
	compare_pieces(o->target, &tp, strlen(name), o->lp, &lpp, strlen(lp_name), &c);
	if (c.worst == OBJCMP_IDENTICAL)
		out->cls = VC_IDENTICAL;
	else if (c.worst == OBJCMP_LINE_ONLY)
		set_detail(out, VC_LINE, xstrdup(c.reason));
	else
		classify_difference(o, &tp, &lpp, name, lp_name, &c, out);
	free(c.reason);
	strlist_release(&c.only_target);
	strlist_release(&c.only_lp);
out:
	free(tp.v);
	free(lpp.v);
}

void verify_objs_release(struct verify_objs *o)
{
	for (int i = 0; i < 2; i++)
		if (o->facts[i])
			facts_close(o->facts[i]);
}

void verify_result_release(struct verify_result *r)
{
	free(r->detail);
	strlist_release(&r->callees);
	memset(r, 0, sizeof(*r));
}
