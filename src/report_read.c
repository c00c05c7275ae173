/*
 * Reading a report back: libyaml's loader builds the node graph, small
 * table-driven readers copy it into plain structs. The first problem found is
 * reported with its position and stops the read; aliases are followed but
 * never recursed into beyond the report's fixed depth, so no input can loop.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "klp-ccp/diag.h"
#include "klp-ccp/report_read.h"

struct rd {
	const char *name;
	yaml_document_t *doc;
	bool any_object;	/* object names are not written into C code */
};

enum ftype {
	F_STR,		/* string */
	F_NSTR,		/* string or null */
	F_SYM,		/* symbol name */
	F_IDENT,	/* C identifier */
	F_NOBJ,		/* object name or null */
	F_UINT,
	F_KIND,
	F_METHOD,
	F_STRLIST,
	F_OUTPUT,	/* the report's output: string, mark kept */
	F_PATCHED,
	F_EXT,
	F_COPIED,
};

struct field {
	const char *key;
	enum ftype type;
	size_t off;
	bool required;
};

static int err_at(struct rd *rd, const yaml_node_t *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int err_at(struct rd *rd, const yaml_node_t *n, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	diag_error_at(rd->name, n ? (unsigned)n->start_mark.line + 1 : 1,
		      n ? (unsigned)n->start_mark.column + 1 : 1, "%s", msg);
	free(msg);
	return -1;
}

bool rr_is_c_identifier(const char *s)
{
	if (!s || !*s || strlen(s) > 511 || !(*s == '_' || (*s >= 'a' && *s <= 'z') ||
					       (*s >= 'A' && *s <= 'Z')))
		return false;
	return strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") ==
	       strlen(s);
}

bool rr_is_symbol_name(const char *s)
{
	if (!s || !*s || strlen(s) > 511 || (*s >= '0' && *s <= '9'))
		return false;
	return strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.$") ==
	       strlen(s);
}

bool rr_is_object_name(const char *s)
{
	if (!s || !*s || strlen(s) > 55)
		return false;
	return strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") ==
	       strlen(s);
}

static const char *node_type_name(const yaml_node_t *n)
{
	switch (n->type) {
	case YAML_SCALAR_NODE: return "a scalar";
	case YAML_SEQUENCE_NODE: return "a list";
	case YAML_MAPPING_NODE: return "a mapping";
	default: return "nothing";
	}
}

static yaml_node_t *node_at(struct rd *rd, int idx)
{
	return yaml_document_get_node(rd->doc, idx);
}

static bool is_null(const yaml_node_t *n)
{
	const char *v = (const char *)n->data.scalar.value;

	if (n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	return n->data.scalar.length == 0 || !strcmp(v, "null") || !strcmp(v, "~") ||
	       !strcmp(v, "Null") || !strcmp(v, "NULL");
}

static int want(struct rd *rd, const yaml_node_t *n, yaml_node_type_t t, const char *what,
		const char *key)
{
	if (!n)
		return err_at(rd, NULL, "malformed document");
	if (n->type == t)
		return 0;
	return err_at(rd, n, "'%s' must be %s, not %s", key, what, node_type_name(n));
}

/* The bytes yo_scalar wrote as U+10FF80..U+10FFFF (yaml_out.h), back as bytes. */
static char *unescape_bytes(const unsigned char *s, size_t len)
{
	char *out = xmalloc(len + 1), *q = out;

	for (size_t i = 0; i < len; i++) {
		if (i + 3 < len && s[i] == 0xf4 && s[i + 1] == 0x8f &&
		    (s[i + 2] == 0xbe || s[i + 2] == 0xbf) && (s[i + 3] & 0xc0) == 0x80) {
			*q++ = (char)(0x80 | (s[i + 2] & 1u) << 6 | (s[i + 3] & 0x3fu));
			i += 3;
			continue;
		}
		*q++ = (char)s[i];
	}
	*q = '\0';
	return out;
}

/* A scalar as an owned string; NULL for null when nullable. */
static int read_str(struct rd *rd, const yaml_node_t *n, const char *key, bool nullable,
		    char **out)
{
	if (want(rd, n, YAML_SCALAR_NODE, nullable ? "a string or null" : "a string", key))
		return -1;
	if (is_null(n)) {
		if (!nullable)
			return err_at(rd, n, "'%s' must be a string, not null", key);
		*out = NULL;
		return 0;
	}
	if (memchr(n->data.scalar.value, '\0', n->data.scalar.length))
		return err_at(rd, n, "'%s' contains a NUL character", key);
	*out = unescape_bytes(n->data.scalar.value, n->data.scalar.length);
	return 0;
}

static int read_uint(struct rd *rd, const yaml_node_t *n, const char *key, unsigned long *out)
{
	const char *v;
	char *end;

	if (want(rd, n, YAML_SCALAR_NODE, "an unsigned integer", key))
		return -1;
	v = (const char *)n->data.scalar.value;
	if (n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE || !n->data.scalar.length ||
	    strspn(v, "0123456789") != n->data.scalar.length)
		return err_at(rd, n, "'%s' must be an unsigned integer, not '%.40s'", key, v);
	errno = 0;
	*out = strtoul(v, &end, 10);
	if (errno)
		return err_at(rd, n, "'%s' is out of range: %.40s", key, v);
	return 0;
}

static int read_checked(struct rd *rd, const yaml_node_t *n, const char *key, enum ftype t,
			char **out)
{
	if (read_str(rd, n, key, t == F_NOBJ, out))
		return -1;
	if (t == F_SYM && !rr_is_symbol_name(*out))
		return err_at(rd, n, "'%s' is not a symbol name: '%.60s'", key, *out);
	if (t == F_IDENT && !rr_is_c_identifier(*out))
		return err_at(rd, n, "'%s' is not a C identifier: '%.60s'", key, *out);
	if (t == F_NOBJ && *out && !rd->any_object && !rr_is_object_name(*out))
		return err_at(rd, n, "'%s' is not an object name (vmlinux or a module): '%.60s'",
			      key, *out);
	return 0;
}

static int read_enum(struct rd *rd, const yaml_node_t *n, const char *key, const char *a,
		     const char *b, int *out)
{
	char *s;
	int rc = 0;

	if (read_str(rd, n, key, false, &s))
		return -1;
	if (!strcmp(s, a))
		*out = 0;
	else if (!strcmp(s, b))
		*out = 1;
	else
		rc = err_at(rd, n, "unknown %s '%.60s' (expected %s or %s)", key, s, a, b);
	free(s);
	return rc;
}

static int read_strlist(struct rd *rd, const yaml_node_t *n, const char *key,
			struct strlist *out)
{
	if (want(rd, n, YAML_SEQUENCE_NODE, "a list of strings", key))
		return -1;
	for (yaml_node_item_t *it = n->data.sequence.items.start;
	     it < n->data.sequence.items.top; it++) {
		const yaml_node_t *item = node_at(rd, *it);
		char *s;

		if (item && (item->type != YAML_SCALAR_NODE || is_null(item)))
			return err_at(rd, item, "items of '%s' must be strings, not %s", key,
				      item->type == YAML_SCALAR_NODE ? "null" : node_type_name(item));
		if (read_str(rd, item, key, false, &s))
			return -1;
		strlist_push_owned(out, s);
	}
	return 0;
}

static int read_fields(struct rd *rd, const yaml_node_t *n, const char *what,
		       const struct field *f, size_t nf, void *base);

static const struct field patched_fields[] = {
	{ "old_name", F_SYM, offsetof(struct rr_patched, old_name), true },
	{ "new_name", F_IDENT, offsetof(struct rr_patched, new_name), true },
	{ "object", F_NOBJ, offsetof(struct rr_patched, object), true },
	{ "sympos", F_UINT, offsetof(struct rr_patched, sympos), true },
	{ "file", F_NSTR, offsetof(struct rr_patched, file), true },
	{ "line", F_UINT, offsetof(struct rr_patched, line), true },
	{ "added_by", F_STR, offsetof(struct rr_patched, added_by), false },
	{ "in_target", F_STR, offsetof(struct rr_patched, in_target), false },
	{ "contains", F_STRLIST, offsetof(struct rr_patched, contains), false },
};

static const struct field ext_fields[] = {
	{ "name", F_SYM, offsetof(struct rr_externalized, name), true },
	{ "new_name", F_IDENT, offsetof(struct rr_externalized, new_name), true },
	{ "kind", F_KIND, offsetof(struct rr_externalized, kind), true },
	{ "method", F_METHOD, offsetof(struct rr_externalized, method), true },
	{ "object", F_NOBJ, offsetof(struct rr_externalized, object), true },
	{ "sympos", F_UINT, offsetof(struct rr_externalized, sympos), true },
	{ "linkage", F_STR, offsetof(struct rr_externalized, linkage), false },
	{ "via", F_STR, offsetof(struct rr_externalized, via), false },
};

static const struct field copied_fields[] = {
	{ "name", F_STR, offsetof(struct rr_copied, name), true },
	{ "kind", F_STR, offsetof(struct rr_copied, kind), true },
	{ "new_name", F_NSTR, offsetof(struct rr_copied, new_name), false },
	{ "file", F_NSTR, offsetof(struct rr_copied, file), false },
	{ "line", F_UINT, offsetof(struct rr_copied, line), false },
};

static const struct field top_fields[] = {
	{ "source", F_STR, offsetof(struct report, source), true },
	{ "output", F_OUTPUT, offsetof(struct report, output), true },
	{ "compiler_command", F_STRLIST, offsetof(struct report, compiler_command), true },
	{ "patched_functions", F_PATCHED, 0, true },
	{ "externalized_symbols", F_EXT, 0, true },
	{ "inlined_everywhere", F_STRLIST, offsetof(struct report, inlined_everywhere), false },
	{ "copied", F_COPIED, 0, false },
	{ "headers", F_STRLIST, offsetof(struct report, headers), false },
	{ "warnings", F_STRLIST, offsetof(struct report, warnings), false },
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static struct rr_mark mark_of(const yaml_node_t *n)
{
	return (struct rr_mark){ (unsigned)n->start_mark.line + 1,
				 (unsigned)n->start_mark.column + 1 };
}

static int read_entries(struct rd *rd, const yaml_node_t *n, const char *key, enum ftype t,
			struct report *r)
{
	if (want(rd, n, YAML_SEQUENCE_NODE, "a list of mappings", key))
		return -1;
	for (yaml_node_item_t *it = n->data.sequence.items.start;
	     it < n->data.sequence.items.top; it++) {
		const yaml_node_t *e = node_at(rd, *it);
		void *base;
		int rc;

		if (want(rd, e, YAML_MAPPING_NODE, "a list of mappings", key))
			return -1;
		if (t == F_PATCHED) {
			struct rr_patched *p = ARRAY_PUSH(r->patched, r->n_patched, r->cap_patched);

			memset(p, 0, sizeof(*p));
			p->mark = mark_of(e);
			rc = read_fields(rd, e, key, patched_fields, N(patched_fields), p);
		} else if (t == F_EXT) {
			struct rr_externalized *x = ARRAY_PUSH(r->ext, r->n_ext, r->cap_ext);

			memset(x, 0, sizeof(*x));
			x->mark = mark_of(e);
			rc = read_fields(rd, e, key, ext_fields, N(ext_fields), x);
		} else {
			base = ARRAY_PUSH(r->copied, r->n_copied, r->cap_copied);
			memset(base, 0, sizeof(struct rr_copied));
			rc = read_fields(rd, e, key, copied_fields, N(copied_fields), base);
		}
		if (rc)
			return -1;
	}
	return 0;
}

static int read_value(struct rd *rd, const yaml_node_t *v, const struct field *f, void *base)
{
	char *p = (char *)base + f->off;
	int e;

	switch (f->type) {
	case F_OUTPUT:
		((struct report *)base)->output_mark = mark_of(v);
		return read_str(rd, v, f->key, false, (char **)p);
	case F_STR:
	case F_NSTR:
		return read_str(rd, v, f->key, f->type == F_NSTR, (char **)p);
	case F_SYM:
	case F_IDENT:
	case F_NOBJ:
		return read_checked(rd, v, f->key, f->type, (char **)p);
	case F_UINT:
		return read_uint(rd, v, f->key, (unsigned long *)p);
	case F_KIND:
		if (read_enum(rd, v, "kind", "function", "object", &e))
			return -1;
		*(enum rr_kind *)p = e ? RR_OBJECT : RR_FUNCTION;
		return 0;
	case F_METHOD:
		if (read_enum(rd, v, "method", "plain", "pointer", &e))
			return -1;
		*(enum rr_method *)p = e ? RR_POINTER : RR_PLAIN;
		return 0;
	case F_STRLIST:
		return read_strlist(rd, v, f->key, (struct strlist *)p);
	default:
		if (f->type == F_PATCHED)
			((struct report *)base)->patched_mark = mark_of(v);
		return read_entries(rd, v, f->key, f->type, base);
	}
}

static int find_field(const struct field *f, size_t nf, const yaml_node_t *k)
{
	if (k->type != YAML_SCALAR_NODE)
		return -2;
	for (size_t i = 0; i < nf; i++)
		if (strlen(f[i].key) == k->data.scalar.length &&
		    !memcmp(f[i].key, k->data.scalar.value, k->data.scalar.length))
			return (int)i;
	return -1;
}

static int read_fields(struct rd *rd, const yaml_node_t *n, const char *what,
		       const struct field *f, size_t nf, void *base)
{
	unsigned seen = 0;

	for (yaml_node_pair_t *pr = n->data.mapping.pairs.start;
	     pr < n->data.mapping.pairs.top; pr++) {
		const yaml_node_t *k = node_at(rd, pr->key), *v = node_at(rd, pr->value);
		int i;

		if (!k || !v)
			return err_at(rd, n, "malformed mapping in '%s'", what);
		i = find_field(f, nf, k);
		if (i == -2)
			return err_at(rd, k, "keys in '%s' must be strings", what);
		if (i < 0)
			continue;	/* unknown keys: newer report versions */
		if (seen & (1u << i))
			return err_at(rd, k, "duplicate key '%s' in '%s'", f[i].key, what);
		seen |= 1u << i;
		if (read_value(rd, v, &f[i], base))
			return -1;
	}
	for (size_t i = 0; i < nf; i++)
		if (f[i].required && !(seen & (1u << i)))
			return err_at(rd, n, "missing key '%s' in '%s'", f[i].key, what);
	return 0;
}

static int parser_error(const char *name, const yaml_parser_t *p)
{
	const yaml_mark_t *m = p->problem ? &p->problem_mark : &p->context_mark;

	diag_error_at(name, (unsigned)m->line + 1, (unsigned)m->column + 1,
		      "invalid YAML: %s%s%s", p->problem ? p->problem : "parse error",
		      p->context ? " " : "", p->context ? p->context : "");
	return -1;
}

/* A report nests 3 levels; libyaml's scanner is quadratic in the nesting. */
#define MAX_DEPTH 32

static int check_depth(const char *name, const char *text, size_t len)
{
	yaml_parser_t p;
	yaml_event_t ev;
	int depth = 0, rc = 0;
	bool end = false;

	if (!yaml_parser_initialize(&p)) {
		diag_error("cannot initialize the YAML parser");
		return -1;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	while (!end && !rc) {
		if (!yaml_parser_parse(&p, &ev)) {
			rc = parser_error(name, &p);
			break;
		}
		if (ev.type == YAML_SEQUENCE_START_EVENT || ev.type == YAML_MAPPING_START_EVENT)
			depth++;
		else if (ev.type == YAML_SEQUENCE_END_EVENT || ev.type == YAML_MAPPING_END_EVENT)
			depth--;
		end = ev.type == YAML_STREAM_END_EVENT;
		if (depth > MAX_DEPTH) {
			diag_error_at(name, (unsigned)ev.start_mark.line + 1,
				      (unsigned)ev.start_mark.column + 1,
				      "nesting deeper than %d levels", MAX_DEPTH);
			rc = -1;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	return rc;
}

/* Exactly one document must follow. */
static int load_document(const char *name, yaml_parser_t *p, yaml_document_t *doc)
{
	yaml_document_t extra;
	bool more;

	if (!yaml_parser_load(p, doc))
		return parser_error(name, p);
	if (!yaml_document_get_root_node(doc)) {
		yaml_document_delete(doc);
		diag_error_at(name, 1, 1, "empty report");
		return -1;
	}
	if (!yaml_parser_load(p, &extra)) {
		yaml_document_delete(doc);
		return parser_error(name, p);
	}
	more = yaml_document_get_root_node(&extra) != NULL;
	if (more)
		diag_error_at(name, extra.start_mark.line + 1, extra.start_mark.column + 1,
			      "more than one YAML document in a report");
	yaml_document_delete(&extra);
	if (more)
		yaml_document_delete(doc);
	return more ? -1 : 0;
}

static int parse(const char *name, const char *text, size_t len, struct report *r,
		 bool any_object)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	struct rd rd = { name, &doc, any_object };
	int rc = -1;

	memset(r, 0, sizeof(*r));
	r->path = xstrdup(name);
	if (check_depth(name, text, len))
		return -1;
	if (!yaml_parser_initialize(&parser)) {
		diag_error("cannot initialize the YAML parser");
		return -1;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	if (!load_document(name, &parser, &doc)) {
		const yaml_node_t *root = yaml_document_get_root_node(&doc);

		if (root->type != YAML_MAPPING_NODE)
			err_at(&rd, root, "a report must be a mapping, not %s",
			       node_type_name(root));
		else
			rc = read_fields(&rd, root, "report", top_fields, N(top_fields), r);
		yaml_document_delete(&doc);
	}
	yaml_parser_delete(&parser);
	return rc;
}

int report_parse(const char *name, const char *text, size_t len, struct report *r)
{
	return parse(name, text, len, r, false);
}

static int read_report(const char *path, struct report *r, bool any_object)
{
	size_t len;
	char *text = read_file(path, &len);
	int rc;

	if (!text) {
		memset(r, 0, sizeof(*r));
		diag_error("cannot read '%s': %s", path, file_strerror(errno));
		return -1;
	}
	rc = parse(path, text, len, r, any_object);
	free(text);
	return rc;
}

int report_read(const char *path, struct report *r)
{
	return read_report(path, r, false);
}

int report_read_any_object(const char *path, struct report *r)
{
	return read_report(path, r, true);
}

void report_release(struct report *r)
{
	for (size_t i = 0; i < r->n_patched; i++) {
		struct rr_patched *p = &r->patched[i];

		free(p->old_name);
		free(p->new_name);
		free(p->object);
		free(p->file);
		free(p->added_by);
		free(p->in_target);
		strlist_release(&p->contains);
	}
	for (size_t i = 0; i < r->n_ext; i++) {
		free(r->ext[i].name);
		free(r->ext[i].new_name);
		free(r->ext[i].object);
		free(r->ext[i].linkage);
		free(r->ext[i].via);
	}
	for (size_t i = 0; i < r->n_copied; i++) {
		free(r->copied[i].name);
		free(r->copied[i].kind);
		free(r->copied[i].new_name);
		free(r->copied[i].file);
	}
	free(r->patched);
	free(r->ext);
	free(r->copied);
	free(r->path);
	free(r->source);
	free(r->output);
	strlist_release(&r->compiler_command);
	strlist_release(&r->inlined_everywhere);
	strlist_release(&r->headers);
	strlist_release(&r->warnings);
	memset(r, 0, sizeof(*r));
}
