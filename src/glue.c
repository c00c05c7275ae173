/*
 * "klp-ccp glue": from reports (and the lp.c files they describe) to the
 * sources of a livepatch module. Layout of the output directory:
 *
 *   livepatch.c          klp_func/klp_object/klp_patch, init/exit
 *   lp_<source>.c        each lp.c, with the initializers of its pointer
 *                        externalizations appended
 *   klp-symbols          where each externalized symbol is (object, sympos):
 *                        what "klp-ccp klp-relocs" turns into klp relocations
 *   Kbuild, Makefile
 *
 * Every reference to a running kernel symbol that is not exported is a klp
 * relocation in the final module (plain externalizations directly, pointer
 * externalizations through their initializers), written by the Makefile's
 * "klp-ccp klp-relocs" step after kbuild's final link: no run-time lookup.
 */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "klp-ccp/diag.h"
#include "klp-ccp/cleanup.h"
#include "klp-ccp/emit.h"
#include "klp-ccp/outfiles.h"
#include "klp-ccp/glue.h"
#include "klp-ccp/klp_reloc.h"
#include "klp-ccp/maps.h"
#include "klp-ccp/report_read.h"
#include "klp-ccp/symvers.h"

struct gfile {
	struct report r;
	char *lp_path;		/* where lp.c was read from */
	char *base;		/* "lp_kernel_fork": name of the copy without ".c" */
	char *text;
	size_t len;
	size_t n_pointers;
};

struct glue {
	const struct glue_options *o;
	struct gfile *f;
	size_t n;
	struct strlist objects;	/* klp_objects: "vmlinux" first, then modules */
	bool assumed_vmlinux;	/* some report has object: null */
	struct klp_places places;	/* klp-symbols */
	struct strlist exported;	/* KDIR/Module.symvers, when there is one */
	bool exports_known;
};

/* Report objects as the kernel names them: NULL is vmlinux, '-' is '_'. */
static char *object_name(const char *object)
{
	char *s = xstrdup(object ? object : "vmlinux");

	for (char *p = s; *p; p++)
		if (*p == '-')
			*p = '_';
	return s;
}

static bool is_vmlinux(const char *obj)
{
	return !strcmp(obj, "vmlinux");
}

/* Does the identifier occur in text? */
static bool has_ident(const char *text, const char *id)
{
	size_t n = strlen(id);

	for (const char *p = strstr(text, id); p; p = strstr(p + 1, id))
		if ((p == text || !is_ident_char((unsigned char)p[-1])) &&
		    !is_ident_char((unsigned char)p[n]))
			return true;
	return false;
}

/*
 * Is id declared on a line starting with "static" (internal linkage)? As a
 * function ("id(") or as a pointer ("*id"), with no '=' before it.
 */
static bool static_decl(const char *text, const char *id, bool function)
{
	size_t n = strlen(id);

	for (const char *l = text; *l;) {
		const char *e = strchr(l, '\n');
		size_t len = e ? (size_t)(e - l) : strlen(l);

		if (len > 7 && !strncmp(l, "static", 6) && (l[6] == ' ' || l[6] == '\t'))
			for (const char *p = l + 7; p + n <= l + len && *p != '='; p++)
				if (!strncmp(p, id, n) && !is_ident_char((unsigned char)p[-1]) &&
				    (function ? p[n] == '(' : p[-1] == '*' &&
				     !is_ident_char((unsigned char)p[n])))
					return true;
		l += len + (e != NULL);
	}
	return false;
}

static char *resolve_lp_path(const struct report *r)
{
	char *dir, *path;

	if (r->output[0] == '/' || access(r->output, F_OK) == 0)
		return xstrdup(r->output);
	dir = xstrdup(r->path);
	path = xasprintf("%s/%s", dirname(dir), r->output);
	free(dir);
	return path;
}

static int check_lp_text(struct gfile *g)
{
	const struct report *r = &g->r;

	for (size_t i = 0; i < r->n_patched; i++)
		if (!has_ident(g->text, r->patched[i].new_name)) {
			diag_error_at(r->path, r->patched[i].mark.line, r->patched[i].mark.col,
				      "'%s' is not defined in '%s' (report and lp.c disagree)",
				      r->patched[i].new_name, g->lp_path);
			return -1;
		}
	for (size_t i = 0; i < r->n_patched; i++)
		if (static_decl(g->text, r->patched[i].new_name, true)) {
			diag_error_at(r->path, r->patched[i].mark.line, r->patched[i].mark.col,
				      "'%s' is static in '%s': livepatch.c cannot reach it "
				      "(modify-patched-fun-sym must answer MAKE-EXTERNAL)",
				      r->patched[i].new_name, g->lp_path);
			return -1;
		}
	for (size_t i = 0; i < r->n_ext; i++)
		if (r->ext[i].method == RR_POINTER && !has_ident(g->text, r->ext[i].new_name)) {
			diag_error_at(r->path, r->ext[i].mark.line, r->ext[i].mark.col,
				      "pointer '%s' is not declared in '%s' (report and lp.c disagree)",
				      r->ext[i].new_name, g->lp_path);
			return -1;
		}
	return 0;
}

static int load_one(struct gfile *g, const char *path)
{
	if (report_read(path, &g->r))
		return -1;
	if (!g->r.n_patched) {
		diag_error_at(path, g->r.patched_mark.line, g->r.patched_mark.col,
			      "the report patches no function");
		return -1;
	}
	g->lp_path = resolve_lp_path(&g->r);
	g->text = read_file(g->lp_path, &g->len);
	if (!g->text) {
		diag_error_at(path, g->r.output_mark.line, g->r.output_mark.col,
			      "cannot read the lp.c it describes, '%s': %s", g->lp_path,
			      file_strerror(errno));
		return -1;
	}
	if (strlen(g->text) != g->len) {
		diag_error("'%s' contains a NUL byte", g->lp_path);
		return -1;
	}
	for (size_t i = 0; i < g->r.n_ext; i++)
		g->n_pointers += g->r.ext[i].method == RR_POINTER;
	return check_lp_text(g);
}

/* Copy names: "lp_" + source path with every other character as '_'. */
static void name_copies(struct glue *gl)
{
	struct strlist taken = {0};

	strlist_push(&taken, "livepatch");
	strlist_push(&taken, gl->o->name);
	for (size_t i = 0; i < gl->n; i++) {
		const char *src = gl->f[i].r.source;
		struct strbuf sb = {0};
		size_t len, k = 2;
		char *cand;

		while (!strncmp(src, "./", 2))
			src += 2;
		len = strlen(src);
		if (len > 2 && !strcmp(src + len - 2, ".c"))
			len -= 2;
		sb_adds(&sb, "lp_");
		for (size_t c = 0; c < len && c < 80; c++)
			sb_addc(&sb, is_ident_char((unsigned char)src[c]) && src[c] != '$' ?
				src[c] : '_');
		cand = xstrdup(sb.buf);
		while (strlist_contains(&taken, cand)) {
			free(cand);
			cand = xasprintf("%s_%zu", sb.buf, k++);
		}
		sb_release(&sb);
		strlist_push(&taken, cand);
		gl->f[i].base = cand;
	}
	strlist_release(&taken);
}

struct seen {
	struct strmap map;	/* key -> index into where/marks */
	struct strlist keys;
	const struct gfile **where;
	const struct rr_mark **marks;
	size_t n_where, cap_where, n_marks, cap_marks;
};

/* Register key (taken); if already there, report the clash and return -1. */
static int seen_add(struct seen *s, char *key, const struct gfile *g, const struct rr_mark *m,
		    const char *what)
{
	int prev;

	strlist_push_owned(&s->keys, key);
	prev = strmap_get(&s->map, key);
	if (prev >= 0) {
		diag_error_at(g->r.path, m->line, m->col, "%s: already in %s:%u", what,
			      s->where[prev]->r.path, s->marks[prev]->line);
		return -1;
	}
	*ARRAY_PUSH(s->where, s->n_where, s->cap_where) = g;
	*ARRAY_PUSH(s->marks, s->n_marks, s->cap_marks) = m;
	strmap_put(&s->map, key, (int)s->n_where - 1);
	return 0;
}

static void seen_release(struct seen *s)
{
	strmap_release(&s->map);
	strlist_release(&s->keys);
	free(s->where);
	free(s->marks);
}

static int check_patched_clash(const struct gfile *g, const struct rr_patched *p,
			       struct seen *by_sym, struct seen *by_new)
{
	char *obj = object_name(p->object);
	char *what = xasprintf("'%s' (%s, sympos %lu) is patched twice", p->old_name, obj,
			       p->sympos);
	char *key = xasprintf("%s:%s:%lu", obj, p->old_name, p->sympos);
	int rc = seen_add(by_sym, key, g, &p->mark, what);

	free(what);
	if (!rc) {
		what = xasprintf("new function name '%s' is used twice", p->new_name);
		rc = seen_add(by_new, xstrdup(p->new_name), g, &p->mark, what);
		free(what);
	}
	free(obj);
	return rc;
}

/* Pointers with external linkage (MAKE-EXTERNAL) are defined by each lp.c. */
static int check_pointer_clash(const struct gfile *g, struct seen *by_new)
{
	for (size_t j = 0; j < g->r.n_ext; j++) {
		const struct rr_externalized *x = &g->r.ext[j];
		char *what;
		int rc;

		if (x->method != RR_POINTER || static_decl(g->text, x->new_name, false))
			continue;
		what = xasprintf("pointer '%s' has external linkage in two lp.c files",
				 x->new_name);
		rc = seen_add(by_new, xstrdup(x->new_name), g, &x->mark, what);
		free(what);
		if (rc)
			return -1;
	}
	return 0;
}

/*
 * What --force lets through: a warning with it, else an error; both
 * messages are taken (freed).
 */
static int refuse_unless_forced(const struct glue *gl, const struct gfile *g,
				const struct rr_mark *m, char *warning, char *error)
{
	if (gl->o->force)
		diag_warning_at(g->r.path, m->line, m->col, "%s (--force)", warning);
	else
		diag_error_at(g->r.path, m->line, m->col, "%s", error);
	free(warning);
	free(error);
	return gl->o->force ? 0 : -1;
}

/*
 * A patched function the target has no symbol of (GCC inlined it into its
 * callers, or left only .isra/.constprop/.part clones of it): a klp_func
 * naming it makes the livepatch fail to load.
 */
static int check_patched_present(const struct glue *gl, const struct gfile *g,
				 const struct rr_patched *p)
{
	if (!p->in_target || strcmp(p->in_target, "false"))
		return 0;
	return refuse_unless_forced(gl, g, &p->mark,
		xasprintf("patched function '%s' has no symbol in the target: the livepatch "
			  "will not load", p->old_name),
		xasprintf("patched function '%s' has no symbol in the target (GCC inlined it or "
			  "left only clones of it): the livepatch could not load; patch the "
			  "callers the extraction's warning names instead, or --force",
			  p->old_name));
}

static int check_clashes(struct glue *gl)
{
	struct seen by_sym = {0}, by_new = {0};
	int rc = 0;

	for (size_t i = 0; i < gl->n && !rc; i++)
		for (size_t j = 0; j < gl->f[i].r.n_patched && !rc; j++)
			rc = check_patched_present(gl, &gl->f[i], &gl->f[i].r.patched[j]) ||
			     check_patched_clash(&gl->f[i], &gl->f[i].r.patched[j], &by_sym,
						 &by_new);
	for (size_t i = 0; i < gl->n && !rc; i++)
		rc = check_pointer_clash(&gl->f[i], &by_new);
	seen_release(&by_sym);
	seen_release(&by_new);
	return rc;
}

static void add_object(struct glue *gl, const char *object)
{
	char *obj = object_name(object);

	if (!object)
		gl->assumed_vmlinux = true;
	if (strlist_contains(&gl->objects, obj)) {
		free(obj);
		return;
	}
	strlist_push_owned(&gl->objects, obj);
	/* keep vmlinux first */
	if (is_vmlinux(obj) && gl->objects.n > 1) {
		memmove(gl->objects.v + 1, gl->objects.v, (gl->objects.n - 1) * sizeof(char *));
		gl->objects.v[0] = obj;
	}
}

static void collect_objects(struct glue *gl)
{
	for (size_t i = 0; i < gl->n; i++) {
		const struct report *r = &gl->f[i].r;

		for (size_t j = 0; j < r->n_patched; j++)
			add_object(gl, r->patched[j].object);
		for (size_t j = 0; j < r->n_ext; j++)
			add_object(gl, r->ext[j].object);
	}
}

/*
 * The symbol lp.c's object file references for an externalization: a
 * pointer's initializer refers to "klpe.OBJ.NAME.POS" (gen_lp_copy()), one
 * name per placement, so two files may point at same-named symbols of
 * different objects; a function's static is declared with its asm label.
 */
static char *elf_symbol(const struct rr_externalized *x)
{
	char *obj, *s;

	if (x->method != RR_POINTER)
		return xstrdup(rr_is_c_identifier(x->name) ? x->new_name : x->name);
	obj = object_name(x->object);
	s = xasprintf("klpe.%s.%s.%lu", obj, x->name, x->sympos);
	free(obj);
	return s;
}

/*
 * A static without object facts cannot be placed: which object, which of
 * the same-named locals? Assuming "vmlinux, unique" needs --force.
 */
static int check_static_facts(const struct glue *gl, const struct gfile *g,
			      const struct rr_externalized *x)
{
	if (x->object || !x->linkage || strcmp(x->linkage, "internal"))
		return 0;
	return refuse_unless_forced(gl, g, &x->mark,
		xasprintf("static '%s' has no object facts: assuming vmlinux, sympos %lu",
			  x->name, x->sympos),
		xasprintf("static '%s' is externalized without object facts (object: null): "
			  "its klp relocation cannot be placed; extract with --target-object, or "
			  "--force to assume vmlinux", x->name));
}

/* klp-symbols: one placement per symbol the objects reference. */
static int collect_places(struct glue *gl)
{
	for (size_t i = 0; i < gl->n; i++) {
		const struct gfile *g = &gl->f[i];

		for (size_t j = 0; j < g->r.n_ext; j++) {
			const struct rr_externalized *x = &g->r.ext[j];
			char *obj = object_name(x->object), *elf = elf_symbol(x);
			int k = strmap_get(&gl->places.by_elf, elf);
			const struct klp_place *p = k >= 0 ? &gl->places.v[k] : NULL;
			int rc = check_static_facts(gl, g, x);

			if (!rc && (strpbrk(obj, ". \t,") || strlen(obj) > 55)) {
				diag_error_at(g->r.path, x->mark.line, x->mark.col,
					      "'%s' is in '%s', which is not a kernel object name "
					      "(vmlinux or a module)", x->name, obj);
				rc = -1;
			}
			if (!rc && p && (strcmp(p->object, obj) || strcmp(p->name, x->name) ||
					 p->sympos != x->sympos)) {
				diag_error_at(g->r.path, x->mark.line, x->mark.col,
					      "'%s' is placed in %s (sympos %lu) here and in %s "
					      "(sympos %lu) by another report: one symbol of the "
					      "module cannot be both", elf, obj, x->sympos,
					      p->object, p->sympos);
				rc = -1;
			}
			if (!rc && !p)
				klp_places_add(&gl->places, elf, obj, x->name, x->sympos);
			free(obj);
			free(elf);
			if (rc)
				return -1;
		}
	}
	return 0;
}

/* ---- generated text ---- */

struct outputs {
	struct strlist paths;
	struct strbuf *texts;
	size_t n_texts, cap_texts;
};

static struct strbuf *add_output(struct glue *gl, struct outputs *out, const char *name)
{
	struct strbuf *sb;

	strlist_push_owned(&out->paths, xasprintf("%s/%s", gl->o->outdir, name));
	sb = ARRAY_PUSH(out->texts, out->n_texts, out->cap_texts);
	memset(sb, 0, sizeof(*sb));
	return sb;
}

static void outputs_release(struct outputs *out)
{
	for (size_t i = 0; i < out->n_texts; i++)
		sb_release(&out->texts[i]);
	free(out->texts);
	strlist_release(&out->paths);
}

/* Text inside a C comment: no comment terminator. */
static void add_comment_text(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		sb_addc(sb, *s == '\n' ? ' ' : *s);
		if (*s == '*' && s[1] == '/')
			sb_addc(sb, ' ');
	}
}

static void livepatch_header(struct glue *gl, struct strbuf *sb)
{
	sb_addf(sb, "// SPDX-License-Identifier: GPL-2.0\n/*\n"
		" * Livepatch module %s, generated by klp-ccp glue %s from:\n",
		gl->o->name, KLP_CCP_VERSION);
	for (size_t i = 0; i < gl->n; i++) {
		sb_adds(sb, " *   ");
		add_comment_text(sb, gl->f[i].r.path);
		sb_adds(sb, " (");
		add_comment_text(sb, gl->f[i].r.source);
		sb_addf(sb, ") -> %s.c\n", gl->f[i].base);
	}
	if (gl->assumed_vmlinux)
		sb_adds(sb, " *\n * Where a report gives no object for a symbol (object: null), the\n"
			" * symbol is assumed to be in vmlinux.\n");
	sb_adds(sb, " */\n#define pr_fmt(fmt) KBUILD_MODNAME \": \" fmt\n\n"
		"#include <linux/kernel.h>\n#include <linux/module.h>\n"
		"#include <linux/livepatch.h>\n\n");
}

/*
 * The symbols KDIR/Module.symvers exports, when glue is given a KDIR that
 * has one (for livepatch.c's comment; klp-relocs reads it again when the
 * module is built). -1 when it is malformed: the build would fail on it.
 */
static int read_exports(struct glue *gl)
{
	char *path;
	int rc = 0;

	if (!gl->o->kdir)
		return 0;
	path = xasprintf("%s/Module.symvers", gl->o->kdir);
	if (!access(path, R_OK)) {
		rc = symvers_names(path, &gl->exported);
		gl->exports_known = !rc;
	}
	free(path);
	return rc;
}

/* " *   .klp.sym.OBJ.NAME,POS (referenced as ELF)" for each place exported (or not). */
static unsigned list_places(const struct glue *gl, struct strbuf *sb,
			    const struct strlist *exported, bool want_exported)
{
	unsigned n = 0;

	for (size_t i = 0; i < gl->places.n; i++) {
		const struct klp_place *p = &gl->places.v[i];
		char *klp;

		if (exported && strlist_contains(exported, p->elf_name) != want_exported)
			continue;
		klp = want_exported ? xstrdup(p->elf_name) :
		      xasprintf(".klp.sym.%s.%s,%lu", p->object, p->name, p->sympos);
		sb_adds(sb, " *   ");
		add_comment_text(sb, klp);
		if (!want_exported && strcmp(p->elf_name, p->name)) {
			sb_adds(sb, "\t(referenced as ");
			add_comment_text(sb, p->elf_name);
			sb_adds(sb, ")");
		}
		sb_adds(sb, "\n");
		free(klp);
		n++;
	}
	if (!n)
		sb_adds(sb, " *   (none)\n");
	return n;
}

/*
 * How each externalized symbol is resolved (issue 15's design): an exported
 * one by the module loader, as any module's reference; the others through
 * the klp relocations "klp-ccp klp-relocs" writes after the final link.
 */
static void klp_symbols_comment(struct glue *gl, struct strbuf *sb)
{
	sb_adds(sb, "/*\n * Externalized symbols (klp-symbols): the lp_*.c files reference them as\n"
		" * undefined externals (pointer externalizations in their initializers).\n"
		" * One the kernel exports (KDIR/Module.symvers) stays an ordinary reference,\n"
		" * resolved by the module loader when this module loads. Every other one\n"
		" * the compiled module still references (GCC drops references from code it\n"
		" * compiles away) becomes a klp relocation: \"klp-ccp klp-relocs\", run by\n"
		" * the Makefile after the final link, rewrites them against a livepatch symbol,\n"
		" * which the livepatch core resolves when this module loads (vmlinux) or\n"
		" * when its object loads (a module). Without Module.symvers in KDIR, every\n"
		" * symbol here becomes a klp relocation.\n *\n");
	if (gl->exports_known) {
		sb_adds(sb, " * klp relocations (KDIR/Module.symvers does not export them):\n");
		list_places(gl, sb, &gl->exported, false);
		sb_adds(sb, " *\n * exported, resolved by the module loader:\n");
		list_places(gl, sb, &gl->exported, true);
	} else {
		sb_adds(sb, " * klp relocations unless KDIR/Module.symvers exports them:\n");
		list_places(gl, sb, NULL, false);
	}
	sb_adds(sb, " */\n\n");
}

static void new_func_decls(struct glue *gl, struct strbuf *sb)
{
	sb_adds(sb, "/* The new functions, defined in the lp_*.c files; declared here only to\n"
		" * take their addresses. */\n");
	for (size_t i = 0; i < gl->n; i++)
		for (size_t j = 0; j < gl->f[i].r.n_patched; j++)
			sb_addf(sb, "void %s(void);\n", gl->f[i].r.patched[j].new_name);
	sb_adds(sb, "\n");
}

static void funcs_array(struct glue *gl, const char *obj, struct strbuf *sb)
{
	sb_addf(sb, "static struct klp_func klp_ccp_funcs_%s[] = {\n", obj);
	for (size_t i = 0; i < gl->n; i++)
		for (size_t j = 0; j < gl->f[i].r.n_patched; j++) {
			const struct rr_patched *p = &gl->f[i].r.patched[j];
			char *o = object_name(p->object);

			if (!strcmp(o, obj))
				sb_addf(sb, "\t{\n\t\t.old_name = \"%s\",\n\t\t.new_func = %s,\n"
					"\t\t.old_sympos = %lu,\n\t},\n", p->old_name,
					p->new_name, p->sympos);
			free(o);
		}
	sb_adds(sb, "\t{ }\n};\n\n");
}

static void objects_array(struct glue *gl, struct strbuf *sb)
{
	sb_adds(sb, "static struct klp_object klp_ccp_objs[] = {\n");
	for (size_t i = 0; i < gl->objects.n; i++) {
		const char *obj = gl->objects.v[i];

		if (is_vmlinux(obj))
			sb_addf(sb, "\t{\n\t\t.name = NULL,\t/* vmlinux%s */\n", gl->assumed_vmlinux ?
				" (also where a report has object: null)" : "");
		else
			sb_addf(sb, "\t{\n\t\t.name = \"%s\",\n", obj);
		sb_addf(sb, "\t\t.funcs = klp_ccp_funcs_%s,\n\t},\n", obj);
	}
	sb_addf(sb, "\t{ }\n};\n\nstatic struct klp_patch klp_ccp_patch = {\n"
		"\t.mod = THIS_MODULE,\n\t.objs = klp_ccp_objs,\n\t.replace = %s,\n};\n\n",
		gl->o->replace ? "true" : "false");
}

static void init_exit(struct strbuf *sb)
{
	sb_adds(sb, "static int __init klp_ccp_init(void)\n{\n"
		"\treturn klp_enable_patch(&klp_ccp_patch);\n}\n\n"
		"static void __exit klp_ccp_exit(void)\n{\n}\n\n"
		"module_init(klp_ccp_init);\nmodule_exit(klp_ccp_exit);\n"
		"MODULE_LICENSE(\"GPL\");\n"
		"MODULE_DESCRIPTION(\"livepatch generated by klp-ccp\");\n"
		"MODULE_INFO(livepatch, \"Y\");\n");
}

static void gen_livepatch_c(struct glue *gl, struct strbuf *sb)
{
	livepatch_header(gl, sb);
	klp_symbols_comment(gl, sb);
	new_func_decls(gl, sb);
	for (size_t i = 0; i < gl->objects.n; i++)
		funcs_array(gl, gl->objects.v[i], sb);
	objects_array(gl, sb);
	init_exit(sb);
}

static size_t count_lines(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/*
 * Pointer externalizations get an initializer: the address of the running
 * symbol, declared under the symbol's own name with an asm label (a C name of
 * its own), is a relocation that klp-relocs turns into a klp relocation.
 * "static T *p; static T *p = &x;" is a tentative definition completed.
 */
static void gen_lp_copy(struct gfile *g, struct strbuf *sb)
{
	const struct report *r = &g->r;

	sb_addn(sb, g->text, g->len);
	if (!g->n_pointers)
		return;
	if (g->len && g->text[g->len - 1] != '\n')
		sb_addc(sb, '\n');
	sb_addf(sb, "#line %zu \"%s.c\"\n", count_lines(sb->buf) + 2, g->base);
	sb_adds(sb, "/* Appended by klp-ccp glue: the pointer externalizations point at the\n"
		" * running symbols (klp relocations, see klp-symbols). */\n");
	for (size_t i = 0; i < r->n_ext; i++) {
		const struct rr_externalized *x = &r->ext[i];
		const char *st = static_decl(g->text, x->new_name, false) ? "static " : "";
		char *elf;

		if (x->method != RR_POINTER)
			continue;
		elf = elf_symbol(x);
		sb_addf(sb, "extern __typeof__(*%s) klp_ccp_target_%s __asm__(\"%s\");\n"
			"%s__typeof__(%s) %s = &klp_ccp_target_%s;\n", x->new_name, x->new_name,
			elf, st, x->new_name, x->new_name, x->new_name);
		free(elf);
	}
}

/* -I/-D/... of the original command that a Makefile can carry as is. */
static bool flag_is_safe(const char *a)
{
	return *a && strspn(a, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			    "0123456789_./=+,:-") == strlen(a);
}

/* What kbuild passes to every file anyway, or sets per file itself. */
static bool flag_is_kbuild_own(const char *opt, const char *val)
{
	if (!strcmp(opt, "-D") || !strcmp(opt, "-U"))
		return !strncmp(val, "KBUILD_", 7) || !strncmp(val, "__KBUILD_", 9) ||
		       !strcmp(val, "__KERNEL__") || !strncmp(val, "CC_USING_", 9) ||
		       !strcmp(val, "MODULE");
	if (!strncmp(val, "./", 2))
		val += 2;
	if (!strncmp(val, "arch/", 5) && strchr(val + 5, '/'))
		val = strchr(val + 5, '/') + 1;
	return !strcmp(val, "include") || !strncmp(val, "include/", 8);
}

static void file_cflags(const struct report *r, struct strbuf *sb)
{
	static const char *const opts[] = { "-I", "-iquote", "-isystem", "-D", "-U" };
	const struct strlist *cc = &r->compiler_command;

	for (size_t i = 0; i < cc->n; i++)
		for (size_t k = 0; k < sizeof(opts) / sizeof(opts[0]); k++) {
			size_t l = strlen(opts[k]);
			const char *a = cc->v[i], *val = a + l;

			if (strncmp(a, opts[k], l))
				continue;
			if (!*val && i + 1 < cc->n)
				val = cc->v[++i];
			if (!flag_is_kbuild_own(opts[k], val) && flag_is_safe(val))
				sb_addf(sb, " %s%s", opts[k], val);
			break;
		}
}

/* Absolute path of this klp-ccp, for the build steps that run it. */
static char *self_path(void)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);

	if (n <= 0)
		return xstrdup("klp-ccp");
	buf[n] = '\0';	/* before looking at it: readlink does not terminate */
	if (strpbrk(buf, " \t\n#$\\"))
		return xstrdup("klp-ccp");
	return xstrdup(buf);
}

static void gen_kbuild(struct glue *gl, struct strbuf *sb)
{
	const char *m = gl->o->name;
	char *self = self_path();

	sb_addf(sb, "# Generated by klp-ccp glue: the livepatch module %s.\n"
		"obj-m := %s.o\n%s-y := livepatch.o", m, m, m);
	for (size_t i = 0; i < gl->n; i++)
		sb_addf(sb, " %s.o", gl->f[i].base);
	sb_adds(sb, "\n\n# Include paths and macros of each file's original compiler command\n"
		"# (relative paths are relative to the kernel tree, where they were used).\n");
	for (size_t i = 0; i < gl->n; i++) {
		sb_addf(sb, "CFLAGS_%s.o :=", gl->f[i].base);
		file_cflags(&gl->f[i].r, sb);
		sb_adds(sb, "\n");
	}
	sb_addf(sb, "\nKLP_CCP ?= %s\n\n"
		"# modpost (which reads this file too) checks that the kernel exports every\n"
		"# undefined symbol. The externalized ones it does not export become klp\n"
		"# relocations after the final link (the Makefile runs klp-ccp klp-relocs),\n"
		"# so modpost is told they exist: it reports only what nothing resolves.\n"
		"KBUILD_EXTRA_SYMBOLS := $(src)/klp-relocs.symvers\n"
		"$(KBUILD_EXTMOD)/Module.symvers: $(src)/klp-relocs.symvers\n"
		"# It checks the module's object first: a symbol neither exported nor\n"
		"# placed is an error naming it and the function using it.\n"
		"$(src)/klp-relocs.symvers: $(src)/" KLP_SYMBOLS_FILE " FORCE\n"
		"\t$(KLP_CCP) klp-relocs --symbols=$(src)/" KLP_SYMBOLS_FILE
		" $(if $(wildcard Module.symvers),--symvers=Module.symvers) --write-symvers=$@"
		" $(wildcard $(src)/%s.o)\n",
		self, gl->o->name);
	free(self);
}

static void gen_makefile(struct glue *gl, struct strbuf *sb)
{
	char *self = self_path();

	sb_addf(sb, "# Generated by klp-ccp glue: builds %s.ko.\n"
		"#   make [KDIR=<prepared kernel tree>]\n"
		"# The tree needs \"make prepare modules_prepare\" and CONFIG_LIVEPATCH=y; with\n"
		"# its Module.symvers (a built kernel), modpost and klp-relocs know what is\n"
		"# exported, and an unresolvable symbol is an error.\n"
		"KDIR ?= %s\nKLP_CCP ?= %s\nexport KLP_CCP\n\n"
		"# kbuild links %s.ko, then its references to symbols the kernel does not\n"
		"# export become klp relocations (klp-symbols says where each one is).\n"
		"modules:\n\t$(MAKE) -C $(KDIR) M=$(CURDIR) $@\n"
		"\t$(KLP_CCP) klp-relocs --symbols=" KLP_SYMBOLS_FILE
		" $(if $(wildcard $(KDIR)/Module.symvers),--symvers=$(KDIR)/Module.symvers) %s.ko\n\n"
		"clean:\n\t$(MAKE) -C $(KDIR) M=$(CURDIR) $@\n\n.PHONY: modules clean\n",
		gl->o->name, gl->o->kdir ? gl->o->kdir : "/lib/modules/$(shell uname -r)/build",
		self, gl->o->name, gl->o->name);
	free(self);
}

/* "ELF-SYMBOL OBJECT SYMBOL SYMPOS" per externalized symbol. */
static void gen_klp_symbols(struct glue *gl, struct strbuf *sb)
{
	sb_adds(sb, "# klp-ccp glue: where each externalized symbol is in the running kernel\n"
		"# ELF-SYMBOL OBJECT SYMBOL SYMPOS\n");
	for (size_t i = 0; i < gl->places.n; i++) {
		const struct klp_place *p = &gl->places.v[i];

		sb_addf(sb, "%s %s %s %lu\n", p->elf_name, p->object, p->name, p->sympos);
	}
}

static void build_outputs(struct glue *gl, struct outputs *out)
{
	gen_livepatch_c(gl, add_output(gl, out, "livepatch.c"));
	for (size_t i = 0; i < gl->n; i++) {
		char *name = xasprintf("%s.c", gl->f[i].base);

		gen_lp_copy(&gl->f[i], add_output(gl, out, name));
		free(name);
	}
	gen_kbuild(gl, add_output(gl, out, "Kbuild"));
	gen_makefile(gl, add_output(gl, out, "Makefile"));
	gen_klp_symbols(gl, add_output(gl, out, KLP_SYMBOLS_FILE));
}

static void release(struct glue *gl)
{
	for (size_t i = 0; i < gl->n; i++) {
		report_release(&gl->f[i].r);
		free(gl->f[i].lp_path);
		free(gl->f[i].base);
		free(gl->f[i].text);
	}
	free(gl->f);
	strlist_release(&gl->objects);
	klp_places_release(&gl->places);
	strlist_release(&gl->exported);
}

static int make_outdir(const char *dir, bool *created)
{
	struct stat st;

	*created = false;
	if (!stat(dir, &st)) {
		if (S_ISDIR(st.st_mode))
			return 0;
		diag_error("'%s' exists and is not a directory", dir);
		return -1;
	}
	if (cleanup_mkdir(dir, 0777)) {
		diag_error("cannot create '%s': %s", dir, strerror(errno));
		return -1;
	}
	*created = true;
	return 0;
}

int glue_generate(const struct glue_options *o)
{
	struct glue gl = { .o = o };
	struct outputs out = {0};
	bool created;
	int rc = 0;

	gl.f = xcalloc(o->n_reports, sizeof(*gl.f));
	for (size_t i = 0; i < o->n_reports && !rc; i++, gl.n++)
		rc = load_one(&gl.f[i], o->reports[i]);
	if (!rc)
		rc = check_clashes(&gl);
	if (!rc) {
		name_copies(&gl);
		collect_objects(&gl);
		rc = collect_places(&gl);
	}
	if (!rc)
		rc = read_exports(&gl);
	if (!rc) {
		build_outputs(&gl, &out);
		rc = make_outdir(o->outdir, &created);
	}
	if (!rc) {
		rc = write_files_atomically((const char *const *)out.paths.v, out.texts,
					    out.paths.n);
		if (rc && created)
			rmdir(o->outdir);
		if (created)
			cleanup_forget(o->outdir);
	}
	outputs_release(&out);
	release(&gl);
	return rc;
}
