/*
 * Stage "report": what the livepatch patches, what it externalizes and how,
 * what it copies and includes. Field by field documentation in the README.
 */
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/closure.h"
#include "klp-ccp/diag.h"
#include "klp-ccp/fun_attrs.h"
#include "klp-ccp/report.h"
#include "klp-ccp/maps.h"
#include "klp-ccp/yaml_out.h"

static void command(struct yaml_out *yo, const struct gcc_cmdline *cl)
{
	yo_str(yo, "compiler_command");
	yo_seq_begin(yo);
	yo_str(yo, cl->compiler);
	for (size_t i = 0; i < cl->args.n; i++)
		yo_str(yo, cl->args.v[i]);
	yo_seq_end(yo);
}

static void symbol_facts(struct yaml_out *yo, const struct entity *e)
{
	yo_kv_str(yo, "object", e->object);
	yo_kv_uint(yo, "sympos", e->sympos);
}

/* key: a list of the names of list ("a, b"). */
static void joined_list(struct yaml_out *yo, const char *key, const char *list)
{
	yo_str(yo, key);
	yo_seq_begin(yo);
	for (const char *p = list; *p;) {
		size_t n = strcspn(p, ",");
		char *name = xstrndup(p, n);

		yo_str(yo, name);
		free(name);
		p += n;
		p += strspn(p, ", ");
	}
	yo_seq_end(yo);
}

static void patched(struct yaml_out *yo, struct model *m)
{
	yo_str(yo, "patched_functions");
	yo_seq_begin(yo);
	for (size_t i = 0; i < m->n_ents; i++) {
		const struct entity *e = &m->ents[i];
		struct src_loc loc;

		if (e->decision != DEC_PATCHED)
			continue;
		loc = cursor_src_loc(m, e->def);
		yo_map_begin(yo);
		yo_kv_str(yo, "old_name", e->name);
		yo_kv_str(yo, "new_name", e->new_name ? e->new_name : e->name);
		symbol_facts(yo, e);
		if (e->absent)	/* facts: no symbol of its own (inlined, or only clones) */
			yo_kv_str(yo, "in_target", "false");
		yo_kv_str(yo, "file", loc.file);
		yo_kv_uint(yo, "line", loc.line);
		yo_kv_str(yo, "added_by", e->ipa_added ? "ipa-clones" : e->from_patch ? "patch" : "user");
		if (e->ipa_added && e->ipa_contains)
			joined_list(yo, "contains", e->ipa_contains);
		yo_map_end(yo);
	}
	yo_seq_end(yo);
}

/*
 * Functions named (or derived) as patched that have no body of their own in
 * the binary (GCC inlined them everywhere): copied for the patched
 * functions containing their code, not patched themselves.
 */
static void inlined_everywhere(struct yaml_out *yo, struct model *m)
{
	yo_str(yo, "inlined_everywhere");
	yo_seq_begin(yo);
	for (size_t i = 0; i < m->n_ents; i++)
		if (m->ents[i].ipa_removed)
			yo_str(yo, m->ents[i].name);
	yo_seq_end(yo);
}

/*
 * What an included header's inline references under its own name (see
 * header_refs.c): bound to the running symbol like a plain externalization.
 */
static void header_referenced(struct yaml_out *yo, struct model *m)
{
	for (size_t i = 0; i < m->n_ents; i++) {
		const struct entity *e = &m->ents[i];

		if (!e->header_ref)
			continue;
		yo_map_begin(yo);
		yo_kv_str(yo, "name", e->name);
		yo_kv_str(yo, "new_name", e->name);
		yo_kv_str(yo, "kind", e->kind == ENT_FUNCTION ? "function" : "object");
		yo_kv_str(yo, "method", "plain");
		yo_kv_str(yo, "linkage", "external");
		symbol_facts(yo, e);
		yo_kv_str(yo, "via", e->header_via);
		yo_map_end(yo);
	}
}

static void externalized(struct yaml_out *yo, struct model *m)
{
	yo_str(yo, "externalized_symbols");
	yo_seq_begin(yo);
	for (size_t i = 0; i < m->n_ents; i++) {
		const struct entity *e = &m->ents[i];
		char *label;

		if (e->decision != DEC_EXTERNALIZE)
			continue;
		yo_map_begin(yo);
		/* the running binary's symbol (a function's static: NAME.N) */
		label = e->asm_name ? NULL : entity_asm_label(e);
		yo_kv_str(yo, "name", e->asm_name ? e->asm_name : label ? label : e->name);
		free(label);
		yo_kv_str(yo, "new_name", e->new_name ? e->new_name : e->name);
		yo_kv_str(yo, "kind", e->kind == ENT_FUNCTION ? "function" : "object");
		yo_kv_str(yo, "method", e->pointer ? "pointer" : "plain");
		/* glue needs object facts for statics: it cannot assume vmlinux, sympos 0 */
		yo_kv_str(yo, "linkage", e->internal || e->local_static ? "internal" : "external");
		symbol_facts(yo, e);
		yo_map_end(yo);
	}
	header_referenced(yo, m);
	yo_seq_end(yo);
}

static const char *cursor_kind_name(enum CXCursorKind k)
{
	switch (k) {
	case CXCursor_FunctionDecl: return "function";
	case CXCursor_VarDecl: return "object";
	case CXCursor_TypedefDecl: return "typedef";
	case CXCursor_StructDecl: return "struct";
	case CXCursor_UnionDecl: return "union";
	case CXCursor_EnumDecl: return "enum";
	default: return "declaration";
	}
}

/* A macro such as SYSCALL_DEFINE declares and defines the same names at one
 * place: the reader wants each copied thing once. The map owns its keys. */
static bool first_mention(struct strmap *seen, const char *name,
			  const char *kind, struct src_loc loc)
{
	char *key = xasprintf("%s|%s|%s|%u", name, kind, loc.file ? loc.file : "", loc.line);

	if (strmap_get(seen, key) >= 0) {
		free(key);
		return false;
	}
	strmap_put(seen, key, 0);
	return true;
}

static void copied_unit(struct yaml_out *yo, struct model *m, const struct unit *u,
			struct strmap *seen)
{
	for (size_t c = 0; c < u->n_cursors; c++) {
		CXString s = clang_getCursorSpelling(u->cursors[c]);
		struct src_loc loc = cursor_src_loc(m, u->cursors[c]);
		int idx = model_entity_of(m, u->cursors[c]);
		const char *kind = cursor_kind_name(clang_getCursorKind(u->cursors[c]));

		if ((idx >= 0 && m->ents[idx].decision == DEC_PATCHED) ||
		    !first_mention(seen, clang_getCString(s), kind, loc)) {
			clang_disposeString(s);
			continue;
		}
		yo_map_begin(yo);
		yo_kv_str(yo, "name", clang_getCString(s));
		yo_kv_str(yo, "kind", kind);
		if (idx >= 0 && m->ents[idx].new_name)
			yo_kv_str(yo, "new_name", m->ents[idx].new_name);
		yo_kv_str(yo, "file", loc.file);
		yo_kv_uint(yo, "line", loc.line);
		yo_map_end(yo);
		clang_disposeString(s);
	}
}

static void copied_macros(struct yaml_out *yo, struct model *m)
{
	for (size_t i = 0; i < m->n_macros; i++) {
		const struct macro_def *md = &m->macros[i];
		struct src_loc loc;

		if (!md->needed)
			continue;
		loc = user_src_loc(m, (struct src_loc){ m->files[md->file].name,
						 model_line_of(m, md->file, md->start), 0 });
		yo_map_begin(yo);
		yo_kv_str(yo, "name", md->name);
		yo_kv_str(yo, "kind", "macro");
		yo_kv_str(yo, "file", loc.file);
		yo_kv_uint(yo, "line", loc.line);
		yo_map_end(yo);
	}
}

static void copied(struct yaml_out *yo, struct model *m)
{
	struct strmap seen = { 0 };

	yo_str(yo, "copied");
	yo_seq_begin(yo);
	for (size_t i = 0; i < m->n_units; i++)
		if (m->units[i].copy)
			copied_unit(yo, m, &m->units[i], &seen);
	copied_macros(yo, m);
	yo_seq_end(yo);
	for (size_t i = 0; i < seen.cap; i++)
		free(seen.keys[i]);
	strmap_release(&seen);
}

static void headers(struct yaml_out *yo, struct model *m)
{
	yo_str(yo, "headers");
	yo_seq_begin(yo);
	for (size_t i = 0; i < m->n_files; i++)
		if (m->files[i].needed && m->files[i].includer >= 0)
			yo_str(yo, m->files[i].name);
	yo_seq_end(yo);
}

static void warnings(struct yaml_out *yo)
{
	const struct strlist *w = diag_warnings();

	yo_str(yo, "warnings");
	yo_seq_begin(yo);
	for (size_t i = 0; i < w->n; i++)
		yo_str(yo, w->v[i]);
	yo_seq_end(yo);
}

int report_build(struct model *m, const struct gcc_cmdline *cl, const char *source,
		 const char *outfile, struct strbuf *out)
{
	struct yaml_out yo;
	int rc;

	yo_begin(&yo);
	yo_map_begin(&yo);
	yo_kv_str(&yo, "source", source);
	yo_kv_str(&yo, "output", outfile);
	command(&yo, cl);
	patched(&yo, m);
	inlined_everywhere(&yo, m);
	externalized(&yo, m);
	copied(&yo, m);
	headers(&yo, m);
	warnings(&yo);
	yo_map_end(&yo);
	rc = yo_end(&yo);
	if (rc)
		diag_error("cannot build the YAML report: %s", yo.emitter.problem ?
			   yo.emitter.problem : "emitter error");
	else
		sb_addn(out, yo.text.buf, yo.text.len);
	yo_release(&yo);
	return rc;
}
