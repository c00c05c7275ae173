/*
 * "klp-ccp glue": from reports (and the lp.c files they describe) to the
 * sources of a livepatch module. Layout of the output directory:
 *
 *   livepatch.c          klp_func/klp_object/klp_patch, init/exit
 *   klp_ccp_kallsyms.c   run-time resolution of pointer externalizations
 *                        (only when there are any)
 *   klp_ccp_glue.h       what the two above and the lp copies share
 *   lp_<source>.c        each lp.c, with its kallsyms relocation table appended
 *   klp-convert.symbols  plain externalizations, for klp-convert
 *   Kbuild, Makefile
 */
#include <errno.h>
#include <libgen.h>
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
#include "klp-ccp/maps.h"
#include "klp-ccp/report_read.h"

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
	size_t n_pointers;
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
	strlist_push(&taken, "klp_ccp_kallsyms");
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

static int check_clashes(struct glue *gl)
{
	struct seen by_sym = {0}, by_new = {0};
	int rc = 0;

	for (size_t i = 0; i < gl->n && !rc; i++)
		for (size_t j = 0; j < gl->f[i].r.n_patched && !rc; j++)
			rc = check_patched_clash(&gl->f[i], &gl->f[i].r.patched[j], &by_sym,
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
			if (r->ext[j].method == RR_PLAIN)
				add_object(gl, r->ext[j].object);
			else if (!r->ext[j].object)
				gl->assumed_vmlinux = true;
		gl->n_pointers += gl->f[i].n_pointers;
	}
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
		"#include <linux/livepatch.h>\n\n#include \"klp_ccp_glue.h\"\n\n");
}

/* ".klp.sym.vmlinux.foo,0" for each distinct plain externalization. */
static void plain_symbols(struct glue *gl, struct strlist *out, struct strlist *files)
{
	for (size_t i = 0; i < gl->n; i++)
		for (size_t j = 0; j < gl->f[i].r.n_ext; j++) {
			const struct rr_externalized *x = &gl->f[i].r.ext[j];
			char *obj, *key;

			if (x->method != RR_PLAIN)
				continue;
			obj = object_name(x->object);
			key = xasprintf(".klp.sym.%s.%s,%lu", obj, x->name, x->sympos);
			free(obj);
			if (strlist_contains(out, key)) {
				free(key);
				continue;
			}
			strlist_push_owned(out, key);
			strlist_push_owned(files, xasprintf("%s.c, %s%s%s", gl->f[i].base,
							     x->kind == RR_FUNCTION ?
							     "function" : "object",
							     strcmp(x->name, x->new_name) ?
							     ", referenced as " : "",
							     strcmp(x->name, x->new_name) ?
							     x->new_name : ""));
		}
}

static void plain_comment(struct glue *gl, struct strbuf *sb)
{
	struct strlist syms = {0}, files = {0};

	plain_symbols(gl, &syms, &files);
	sb_adds(sb, "/*\n * Plain externalizations: the lp_*.c files reference these symbols as\n"
		" * undefined externals. The kernel resolves such references of a livepatch\n"
		" * module only through klp relocation sections, which klp-convert writes\n"
		" * from klp-convert.symbols; the relocation symbol names are:\n *\n");
	for (size_t i = 0; i < syms.n; i++)
		sb_addf(sb, " *   %-50s (%s)\n", syms.v[i], files.v[i]);
	if (!syms.n)
		sb_adds(sb, " *   (none)\n");
	sb_adds(sb, " */\n\n");
	strlist_release(&syms);
	strlist_release(&files);
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

static void init_exit(struct glue *gl, struct strbuf *sb)
{
	if (gl->n_pointers) {
		sb_adds(sb, "static struct klp_ccp_reloc *const klp_ccp_reloc_tables[] = {\n");
		for (size_t i = 0; i < gl->n; i++)
			if (gl->f[i].n_pointers)
				sb_addf(sb, "\tklp_ccp_relocs_%s,\n", gl->f[i].base);
		sb_adds(sb, "\tNULL\n};\n\n"
			"static int __init klp_ccp_init(void)\n{\n\tint ret;\n\n"
			"\t/* the pointers must be set before the new functions can run */\n"
			"\tret = klp_ccp_kallsyms_init(klp_ccp_reloc_tables);\n"
			"\tif (ret)\n\t\treturn ret;\n"
			"\tret = klp_enable_patch(&klp_ccp_patch);\n"
			"\tif (ret)\n\t\tklp_ccp_kallsyms_exit();\n\treturn ret;\n}\n\n"
			"static void __exit klp_ccp_exit(void)\n{\n\tklp_ccp_kallsyms_exit();\n}\n\n");
	} else {
		sb_adds(sb, "static int __init klp_ccp_init(void)\n{\n"
			"\treturn klp_enable_patch(&klp_ccp_patch);\n}\n\n"
			"static void __exit klp_ccp_exit(void)\n{\n}\n\n");
	}
	sb_addf(sb, "module_init(klp_ccp_init);\nmodule_exit(klp_ccp_exit);\n"
		"MODULE_LICENSE(\"GPL\");\n"
		"MODULE_DESCRIPTION(\"livepatch generated by klp-ccp\");\n"
		"MODULE_INFO(livepatch, \"Y\");\n");
}

static void gen_livepatch_c(struct glue *gl, struct strbuf *sb)
{
	livepatch_header(gl, sb);
	plain_comment(gl, sb);
	new_func_decls(gl, sb);
	for (size_t i = 0; i < gl->objects.n; i++)
		funcs_array(gl, gl->objects.v[i], sb);
	objects_array(gl, sb);
	init_exit(gl, sb);
}

static void gen_glue_h(struct glue *gl, struct strbuf *sb)
{
	sb_adds(sb, "/* SPDX-License-Identifier: GPL-2.0 */\n"
		"/* Generated by klp-ccp glue: shared by livepatch.c, klp_ccp_kallsyms.c and\n"
		" * the lp_*.c files. */\n#ifndef KLP_CCP_GLUE_H\n#define KLP_CCP_GLUE_H\n\n"
		"/*\n * A pointer externalization: *addr is set to the address of the symbol\n"
		" * name in objname (KLP_CCP_VMLINUX: vmlinux), the sympos-th of that name there\n"
		" * (sympos 0: the name must be unique there), by klp_ccp_kallsyms_init()\n"
		" * or, for a module loaded later, when it loads.\n */\n"
		"#define KLP_CCP_VMLINUX ((const char *)0)\n\n"
		"struct klp_ccp_reloc {\n\tconst char *name;\n\tconst char *objname;\n"
		"\tunsigned long sympos;\n\tvoid **addr;\n};\n\n");
	for (size_t i = 0; i < gl->n; i++)
		if (gl->f[i].n_pointers)
			sb_addf(sb, "extern struct klp_ccp_reloc klp_ccp_relocs_%s[];\n",
				gl->f[i].base);
	sb_adds(sb, "\n/* Tables end with NULL, each table with an entry whose name is NULL. */\n"
		"int klp_ccp_kallsyms_init(struct klp_ccp_reloc *const *tables);\n"
		"void klp_ccp_kallsyms_exit(void);\n\n#endif\n");
}

static size_t count_lines(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

static void gen_lp_copy(struct gfile *g, struct strbuf *sb)
{
	const struct report *r = &g->r;

	sb_addn(sb, g->text, g->len);
	if (!g->n_pointers)
		return;
	if (g->len && g->text[g->len - 1] != '\n')
		sb_addc(sb, '\n');
	sb_addf(sb, "#line %zu \"%s.c\"\n", count_lines(sb->buf) + 2, g->base);
	sb_adds(sb, "/* Appended by klp-ccp glue: where the pointer externalizations point. */\n"
		"#include \"klp_ccp_glue.h\"\n\n");
	sb_addf(sb, "struct klp_ccp_reloc klp_ccp_relocs_%s[] = {\n", g->base);
	for (size_t i = 0; i < r->n_ext; i++) {
		const struct rr_externalized *x = &r->ext[i];
		char *obj;

		if (x->method != RR_POINTER)
			continue;
		obj = object_name(x->object);
		if (is_vmlinux(obj))
			sb_addf(sb, "\t{ \"%s\", KLP_CCP_VMLINUX, %lu, (void **)&%s },%s\n",
				x->name, x->sympos, x->new_name,
				x->object ? "" : "\t/* object: null */");
		else
			sb_addf(sb, "\t{ \"%s\", \"%s\", %lu, (void **)&%s },\n", x->name, obj,
				x->sympos, x->new_name);
		free(obj);
	}
	sb_adds(sb, "\t{ }\n};\n");
}

static const char kallsyms_c[] =
"// SPDX-License-Identifier: GPL-2.0\n"
"/*\n"
" * Generated by klp-ccp glue: fills the pointer externalizations (klpe_*) of\n"
" * the lp_*.c files with the addresses of the running kernel's symbols.\n"
" *\n"
" * Neither kallsyms_lookup_name() nor kallsyms_on_each_symbol() is exported\n"
" * (Linux >= 5.7). A kprobe registered on kallsyms_lookup_name gives its\n"
" * address; it then gives the addresses of kallsyms_on_each_symbol() and\n"
" * module_kallsyms_on_each_symbol(), which count the symbols of a name in one\n"
" * object the way the livepatch core does for klp_func.old_sympos.\n"
" *\n"
" * Symbols of a module are resolved at init if the module is loaded, else by a\n"
" * module notifier when it comes (before its init runs; the module fails to\n"
" * load if one cannot be resolved) and cleared when it goes.\n"
" *\n"
" * Limits: needs CONFIG_KPROBES and CONFIG_KALLSYMS (CONFIG_KALLSYMS_ALL for\n"
" * data symbols); the iterator signatures are those of Linux 5.12 to 6.1;\n"
" * with CONFIG_X86_KERNEL_IBT a function only ever called directly has no\n"
" * ENDBR and cannot be called through a pointer (use plain externalization).\n"
" */\n"
"#define pr_fmt(fmt) KBUILD_MODNAME \": \" fmt\n"
"\n"
"#include <linux/kallsyms.h>\n"
"#include <linux/kernel.h>\n"
"#include <linux/kprobes.h>\n"
"#include <linux/module.h>\n"
"#include <linux/notifier.h>\n"
"#include <linux/string.h>\n"
"#ifdef CONFIG_X86_KERNEL_IBT\n"
"#include <asm/ibt.h>\n"
"#endif\n"
"\n"
"#include \"klp_ccp_glue.h\"\n"
"\n"
"typedef unsigned long (*klp_ccp_lookup_name_t)(const char *name);\n"
"typedef int (*klp_ccp_each_cb_t)(void *data, const char *name, struct module *mod,\n"
"\t\t\t\t unsigned long addr);\n"
"typedef int (*klp_ccp_on_each_t)(klp_ccp_each_cb_t fn, void *data);\n"
"\n"
"static struct klp_ccp_reloc *const *klp_ccp_tables;\n"
"static klp_ccp_on_each_t klp_ccp_vmlinux_each, klp_ccp_module_each;\n"
"\n"
"static unsigned long klp_ccp_lookup_name_addr(void)\n"
"{\n"
"\tstruct kprobe kp = { .symbol_name = \"kallsyms_lookup_name\" };\n"
"\tunsigned long addr;\n"
"\n"
"\tif (register_kprobe(&kp))\n"
"\t\treturn 0;\n"
"\taddr = (unsigned long)kp.addr;\n"
"\tunregister_kprobe(&kp);\n"
"#ifdef CONFIG_X86_KERNEL_IBT\n"
"\t/* the probe sits after the ENDBR, calls must land on it */\n"
"\tif (is_endbr(*(u32 *)(addr - ENDBR_INSN_SIZE)))\n"
"\t\taddr -= ENDBR_INSN_SIZE;\n"
"#endif\n"
"\treturn addr;\n"
"}\n"
"\n"
"struct klp_ccp_find {\n"
"\tconst char *objname, *name;\n"
"\tunsigned long addr, count, pos;\n"
"\tbool object_seen;\n"
"};\n"
"\n"
"static int klp_ccp_find_cb(void *data, const char *name, struct module *mod,\n"
"\t\t\t   unsigned long addr)\n"
"{\n"
"\tstruct klp_ccp_find *f = data;\n"
"\n"
"\tif (!f->objname != !mod)\n"
"\t\treturn 0;\n"
"\tif (mod) {\n"
"\t\tif (strcmp(f->objname, mod->name))\n"
"\t\t\treturn 0;\n"
"\t\tf->object_seen = true;\n"
"\t}\n"
"\tif (strcmp(f->name, name))\n"
"\t\treturn 0;\n"
"\tf->addr = addr;\n"
"\tf->count++;\n"
"\treturn (f->pos && f->count == f->pos) || (!f->pos && f->count > 1);\n"
"}\n"
"\n"
"/* 0, -EAGAIN when r's module is not loaded, or an error */\n"
"static int klp_ccp_resolve(struct klp_ccp_reloc *r)\n"
"{\n"
"\tstruct klp_ccp_find f = {\n"
"\t\t.objname = r->objname, .name = r->name, .pos = r->sympos,\n"
"\t};\n"
"\tconst char *obj = r->objname ? r->objname : \"vmlinux\";\n"
"\n"
"\tif (r->objname)\n"
"\t\tklp_ccp_module_each(klp_ccp_find_cb, &f);\n"
"\telse\n"
"\t\tklp_ccp_vmlinux_each(klp_ccp_find_cb, &f);\n"
"\tif (r->objname && !f.object_seen)\n"
"\t\treturn -EAGAIN;\n"
"\tif (!f.addr) {\n"
"\t\tpr_err(\"symbol '%s' not found in %s\\n\", r->name, obj);\n"
"\t\treturn -ENOENT;\n"
"\t}\n"
"\tif (!r->sympos && f.count > 1) {\n"
"\t\tpr_err(\"symbol '%s' is ambiguous in %s (sympos needed)\\n\", r->name, obj);\n"
"\t\treturn -EINVAL;\n"
"\t}\n"
"\tif (r->sympos && f.count != r->sympos) {\n"
"\t\tpr_err(\"symbol '%s' has no position %lu in %s\\n\", r->name, r->sympos, obj);\n"
"\t\treturn -ENOENT;\n"
"\t}\n"
"\t*r->addr = (void *)f.addr;\n"
"\treturn 0;\n"
"}\n"
"\n"
"/* Resolve the relocations of mod (NULL: of everything loaded). */\n"
"static int klp_ccp_resolve_all(struct module *mod)\n"
"{\n"
"\tfor (struct klp_ccp_reloc *const *t = klp_ccp_tables; *t; t++)\n"
"\t\tfor (struct klp_ccp_reloc *r = *t; r->name; r++) {\n"
"\t\t\tint ret;\n"
"\n"
"\t\t\tif (mod && (!r->objname || strcmp(r->objname, mod->name)))\n"
"\t\t\t\tcontinue;\n"
"\t\t\tret = klp_ccp_resolve(r);\n"
"\t\t\tif (ret && ret != -EAGAIN)\n"
"\t\t\t\treturn ret;\n"
"\t\t}\n"
"\treturn 0;\n"
"}\n"
"\n"
"static void klp_ccp_clear(struct module *mod)\n"
"{\n"
"\tfor (struct klp_ccp_reloc *const *t = klp_ccp_tables; *t; t++)\n"
"\t\tfor (struct klp_ccp_reloc *r = *t; r->name; r++)\n"
"\t\t\tif (r->objname && !strcmp(r->objname, mod->name))\n"
"\t\t\t\t*r->addr = NULL;\n"
"}\n"
"\n"
"static int klp_ccp_module_notify(struct notifier_block *nb, unsigned long action,\n"
"\t\t\t\t void *data)\n"
"{\n"
"\tstruct module *mod = data;\n"
"\n"
"\tif (action == MODULE_STATE_COMING)\n"
"\t\treturn notifier_from_errno(klp_ccp_resolve_all(mod));\n"
"\tif (action == MODULE_STATE_GOING)\n"
"\t\tklp_ccp_clear(mod);\n"
"\treturn NOTIFY_OK;\n"
"}\n"
"\n"
"static struct notifier_block klp_ccp_module_nb = {\n"
"\t.notifier_call = klp_ccp_module_notify,\n"
"};\n"
"\n"
"int klp_ccp_kallsyms_init(struct klp_ccp_reloc *const *tables)\n"
"{\n"
"\tklp_ccp_lookup_name_t lookup = (klp_ccp_lookup_name_t)klp_ccp_lookup_name_addr();\n"
"\tint ret;\n"
"\n"
"\tif (!lookup) {\n"
"\t\tpr_err(\"cannot find kallsyms_lookup_name (kprobe failed)\\n\");\n"
"\t\treturn -ENOENT;\n"
"\t}\n"
"\tklp_ccp_vmlinux_each = (klp_ccp_on_each_t)lookup(\"kallsyms_on_each_symbol\");\n"
"\tklp_ccp_module_each = (klp_ccp_on_each_t)lookup(\"module_kallsyms_on_each_symbol\");\n"
"\tif (!klp_ccp_vmlinux_each || !klp_ccp_module_each) {\n"
"\t\tpr_err(\"cannot find the kallsyms iterators\\n\");\n"
"\t\treturn -ENOENT;\n"
"\t}\n"
"\tklp_ccp_tables = tables;\n"
"\tret = register_module_notifier(&klp_ccp_module_nb);\n"
"\tif (ret)\n"
"\t\treturn ret;\n"
"\tret = klp_ccp_resolve_all(NULL);\n"
"\tif (ret)\n"
"\t\tunregister_module_notifier(&klp_ccp_module_nb);\n"
"\treturn ret;\n"
"}\n"
"\n"
"void klp_ccp_kallsyms_exit(void)\n"
"{\n"
"\tunregister_module_notifier(&klp_ccp_module_nb);\n"
"}\n";

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

static void gen_kbuild(struct glue *gl, struct strbuf *sb)
{
	const char *m = gl->o->name;

	sb_addf(sb, "# Generated by klp-ccp glue: the livepatch module %s.\n"
		"obj-m := %s.o\n%s-y := livepatch.o%s", m, m, m,
		gl->n_pointers ? " klp_ccp_kallsyms.o" : "");
	for (size_t i = 0; i < gl->n; i++)
		sb_addf(sb, " %s.o", gl->f[i].base);
	sb_adds(sb, "\n\n# Include paths and macros of each file's original compiler command\n"
		"# (relative paths are relative to the kernel tree, where they were used).\n");
	for (size_t i = 0; i < gl->n; i++) {
		sb_addf(sb, "CFLAGS_%s.o :=", gl->f[i].base);
		file_cflags(&gl->f[i].r, sb);
		sb_adds(sb, "\n");
	}
	sb_adds(sb, "\n# Without the full kernel's Module.symvers, modpost cannot know the\n"
		"# kernel's symbols: report them as warnings, not errors (this file is also\n"
		"# read by modpost). Set KBUILD_MODPOST_WARN= on the command line to override.\n"
		"KBUILD_MODPOST_WARN ?= 1\n");
}

static void gen_makefile(struct glue *gl, struct strbuf *sb)
{
	sb_addf(sb, "# Generated by klp-ccp glue: builds %s.ko.\n"
		"#   make [KDIR=<prepared kernel tree>]\n"
		"# The tree needs \"make prepare modules_prepare\" and CONFIG_LIVEPATCH=y.\n"
		"KDIR ?= %s\n\n"
		"# No Module.symvers of the full kernel: undefined symbols are warnings.\n"
		"KBUILD_MODPOST_WARN ?= 1\nexport KBUILD_MODPOST_WARN\n\n"
		"modules clean:\n\t$(MAKE) -C $(KDIR) M=$(CURDIR) $@\n\n.PHONY: modules clean\n",
		gl->o->name, gl->o->kdir ? gl->o->kdir : "/lib/modules/$(shell uname -r)/build");
}

/* klp-convert's symbol list: a header line, then "*object" and its symbols. */
static void gen_klp_convert(struct glue *gl, struct strbuf *sb)
{
	sb_adds(sb, "klp-convert-symbol-data.0.1\n");
	for (size_t o = 0; o < gl->objects.n; o++) {
		struct strlist done = {0};

		sb_addf(sb, "*%s\n", gl->objects.v[o]);
		for (size_t i = 0; i < gl->n; i++)
			for (size_t j = 0; j < gl->f[i].r.n_ext; j++) {
				const struct rr_externalized *x = &gl->f[i].r.ext[j];
				char *obj = object_name(x->object);

				if (x->method == RR_PLAIN && !strcmp(obj, gl->objects.v[o]) &&
				    !strlist_contains(&done, x->name)) {
					strlist_push(&done, x->name);
					sb_addf(sb, "%s\n", x->name);
				}
				free(obj);
			}
		strlist_release(&done);
	}
}

static void build_outputs(struct glue *gl, struct outputs *out)
{
	gen_livepatch_c(gl, add_output(gl, out, "livepatch.c"));
	gen_glue_h(gl, add_output(gl, out, "klp_ccp_glue.h"));
	if (gl->n_pointers)
		sb_adds(add_output(gl, out, "klp_ccp_kallsyms.c"), kallsyms_c);
	for (size_t i = 0; i < gl->n; i++) {
		char *name = xasprintf("%s.c", gl->f[i].base);

		gen_lp_copy(&gl->f[i], add_output(gl, out, name));
		free(name);
	}
	gen_kbuild(gl, add_output(gl, out, "Kbuild"));
	gen_makefile(gl, add_output(gl, out, "Makefile"));
	gen_klp_convert(gl, add_output(gl, out, "klp-convert.symbols"));
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
