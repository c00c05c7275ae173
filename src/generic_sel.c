/*
 * Which association a _Generic selects (generic_sel.h). libclang shows the
 * associations' expressions but neither their type names nor the result,
 * so the type names are read from the text (the unit's, or the body of the
 * one macro invoked there that writes _Generic) and compared with the
 * controlling expression's type after lvalue conversion. Only type names
 * made of keywords, tags and '*' are compared; a typedef name, typeof, an
 * enumerated controlling type (compatible with an integer type) leave the
 * answer unknown.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/generic_sel.h"
#include "klp-ccp/lexer.h"

#define NAME_MAX_LEN 512

enum { K_SIGNED = 1, K_UNSIGNED, K_CHAR, K_SHORT, K_INT, K_LONG, K_FLOAT, K_DOUBLE, K_BOOL,
       K_VOID, K_CONST, K_VOLATILE, K_TAG };

static int keyword(const char *s, size_t n)
{
	static const char *const words[] = { "", "signed", "unsigned", "char", "short", "int",
		"long", "float", "double", "_Bool", "void", "const", "volatile" };

	for (int i = 1; i < (int)(sizeof(words) / sizeof(words[0])); i++)
		if (strlen(words[i]) == n && !memcmp(words[i], s, n))
			return i;
	if ((n == 6 && (!memcmp(s, "struct", 6))) || (n == 5 && !memcmp(s, "union", 5)) ||
	    (n == 4 && !memcmp(s, "enum", 4)))
		return K_TAG;
	return 0;
}

/* The arithmetic or void type the counted keywords name, as clang spells it. */
static const char *basic_type(const int *c)
{
	bool u = c[K_UNSIGNED] > 0;

	if (c[K_VOID])
		return "void";
	if (c[K_BOOL])
		return "_Bool";
	if (c[K_FLOAT])
		return "float";
	if (c[K_DOUBLE])
		return c[K_LONG] ? "long double" : "double";
	if (c[K_CHAR])
		return u ? "unsigned char" : c[K_SIGNED] ? "signed char" : "char";
	if (c[K_SHORT])
		return u ? "unsigned short" : "short";
	if (c[K_LONG] >= 2)
		return u ? "unsigned long long" : "long long";
	if (c[K_LONG])
		return u ? "unsigned long" : "long";
	return u ? "unsigned int" : "int";
}

/*
 * A type name written s[0, n) as one spelling ("const unsigned char *"),
 * into out; false when it holds other words (typedef names, typeof...) or
 * qualifies a pointer.
 */
static bool normalize(const char *s, size_t n, char *out, size_t size)
{
	int count[K_TAG + 1] = { 0 };
	size_t pos = 0, is, len, stars = 0, first_star = n, tag_len = 0, kw_len = 0;
	const char *tag = NULL, *kw = NULL;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '*' && !stars++)
			first_star = i;
		else if (s[i] != '*' && !strchr(" \t\r\n\\", s[i]) && !is_ident_char((unsigned char)s[i]))
			return false;
	}
	while (lex_next_ident(s, n, &pos, &is, &len)) {
		int k = keyword(s + is, len);

		if (is > first_star)
			return false;
		if (kw && !tag) {
			tag = s + is;
			tag_len = len;
		} else if (k == K_TAG && !kw) {
			kw = s + is;
			kw_len = len;
		} else if (!k || k == K_TAG) {
			return false;
		} else {
			count[k]++;
		}
	}
	for (int k = K_SIGNED; k <= K_VOID; k++)
		if (kw && count[k])
			return false;
	if (kw && !tag)
		return false;
	if (kw)
		snprintf(out, size, "%s%s%.*s %.*s", count[K_CONST] ? "const " : "",
			 count[K_VOLATILE] ? "volatile " : "", (int)kw_len, kw, (int)tag_len, tag);
	else
		snprintf(out, size, "%s%s%s", count[K_CONST] ? "const " : "",
			 count[K_VOLATILE] ? "volatile " : "", basic_type(count));
	while (stars--)
		strncat(out, " *", size - strlen(out) - 1);
	return true;
}

/* The controlling expression's type after lvalue conversion, normalized. */
static bool controlling_type(CXCursor ctrl, char *out, size_t size)
{
	CXType t = clang_getCanonicalType(clang_getCursorType(ctrl));
	bool array = t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray ||
		     t.kind == CXType_VariableArray;
	CXString sp;
	char *text;
	bool ok;

	if (t.kind == CXType_Enum || t.kind == CXType_FunctionProto ||
	    t.kind == CXType_FunctionNoProto || t.kind == CXType_Invalid)
		return false;	/* compatible with another type, or not spelled simply */
	if (array)
		t = clang_getCanonicalType(clang_getArrayElementType(t));
	else if (t.kind == CXType_Pointer &&
		 (clang_isConstQualifiedType(t) || clang_isVolatileQualifiedType(t)))
		return false;
	sp = clang_getTypeSpelling(t);
	text = xasprintf("%s%s", clang_getCString(sp), array ? " *" : "");
	clang_disposeString(sp);
	ok = normalize(text, strlen(text), out, size);
	free(text);
	if (ok && !array && t.kind != CXType_Pointer) {	/* qualifiers dropped */
		while (!strncmp(out, "const ", 6) || !strncmp(out, "volatile ", 9))
			memmove(out, strchr(out, ' ') + 1, strlen(strchr(out, ' ') + 1) + 1);
	}
	return ok;
}

static bool is_generic_at(const char *t, size_t len, size_t at)
{
	return at + 8 <= len && !memcmp(t + at, "_Generic", 8) &&
	       (at + 8 == len || !is_ident_char((unsigned char)t[at + 8])) &&
	       (at == 0 || !is_ident_char((unsigned char)t[at - 1]));
}

/*
 * Where the _Generic at (file, off) is written: there, or in the body of
 * the macro invoked there when exactly one definition of it writes exactly
 * one _Generic. Its text *t up to *len, the keyword at *at.
 */
static bool generic_text(struct model *m, int file, unsigned off, const char **t, size_t *len,
			 size_t *at)
{
	const struct kfile *kf = &m->files[file];
	size_t pos = off, is, n, found = 0;
	char name[256];

	if (is_generic_at(kf->text, kf->len, off)) {
		*t = kf->text, *len = kf->len, *at = off;
		return true;
	}
	if (!lex_next_ident(kf->text, kf->len, &pos, &is, &n) || is != off || n >= sizeof(name))
		return false;
	memcpy(name, kf->text + is, n);
	name[n] = 0;
	for (int i = model_macro_first(m, name); i >= 0; i = m->macros[i].next_same_name) {
		const struct macro_def *md = &m->macros[i];
		const char *bt = md->file >= 0 ? m->files[md->file].text : NULL;

		for (size_t k = md->start; bt && k + 8 <= model_macro_end(m, md); k++)
			if (is_generic_at(bt, model_macro_end(m, md), k)) {
				*t = bt, *len = model_macro_end(m, md), *at = k;
				found++;
			}
	}
	return found == 1;
}

/* The written type name of association text a ("int: f(x)"), normalized. */
static int association_type(const char *a, char *out, size_t size)
{
	const char *colon = strchr(a, ':');
	size_t n;

	if (!colon || memchr(a, '(', (size_t)(colon - a)))
		return -1;
	n = (size_t)(colon - a);
	while (n && strchr(" \t\r\n\\", a[n - 1]))
		n--;
	if (n == 7 && !memcmp(a, "default", 7))
		return 1;
	return normalize(a, n, out, size) ? 0 : -1;
}

int generic_selected(struct model *m, CXCursor gse, CXCursor ctrl, int n_assoc)
{
	const char *t;
	size_t len, at, paren;
	struct strlist args = { 0 };
	char want[NAME_MAX_LEN], have[NAME_MAX_LEN];
	int file, sel = -1, def = -1, matches = 0;
	bool understood = true;
	unsigned off;

	if (!model_locate_expansion(m, clang_getRangeStart(clang_getCursorExtent(gse)), &file, &off) ||
	    !controlling_type(ctrl, want, sizeof(want)) || !generic_text(m, file, off, &t, &len, &at))
		return -1;
	for (paren = at + 8; paren < len && strchr(" \t\r\n\\", t[paren]); paren++)
		;
	if (paren >= len || t[paren] != '(')
		return -1;
	lex_macro_args(t, len, paren, &args);
	for (size_t k = 1; (int)args.n == n_assoc + 1 && k < args.n; k++) {
		int kind = association_type(args.v[k], have, sizeof(have));

		if (kind == 1)
			def = (int)k - 1;
		else if (kind < 0)
			understood = false;
		else if (!strcmp(have, want))
			sel = (int)k - 1, matches++;
	}
	if ((int)args.n != n_assoc + 1)
		matches = 2;	/* not the text of this selection */
	strlist_release(&args);
	if (matches == 1)
		return sel;
	return !matches && understood ? def : -1;
}

/*
 * The identifiers of the associations' type names of the _Generic gse
 * ("my_long", "struct s" for a tag), as written: libclang shows no TypeRef
 * for them, so the closure reads what they need from here.
 */
void generic_type_names(struct model *m, CXCursor gse, struct strlist *names)
{
	const char *t;
	size_t len, at, paren;
	struct strlist args = { 0 };
	int file;
	unsigned off;

	if (!model_locate_expansion(m, clang_getRangeStart(clang_getCursorExtent(gse)), &file, &off) ||
	    !generic_text(m, file, off, &t, &len, &at))
		return;
	for (paren = at + 8; paren < len && strchr(" \t\r\n\\", t[paren]); paren++)
		;
	if (paren < len && t[paren] == '(')
		lex_macro_args(t, len, paren, &args);
	for (size_t k = 1; k < args.n; k++) {
		const char *a = args.v[k], *colon = strchr(a, ':');
		size_t pos = 0, is, n;
		const char *tag = NULL;

		while (colon && lex_next_ident(a, (size_t)(colon - a), &pos, &is, &n)) {
			if (tag) {
				strlist_push_owned(names, xasprintf("%s %.*s", tag, (int)n, a + is));
				tag = NULL;
			} else if ((n == 6 && !memcmp(a + is, "struct", 6)) ||
				   (n == 5 && !memcmp(a + is, "union", 5)) ||
				   (n == 4 && !memcmp(a + is, "enum", 4))) {
				tag = n == 6 ? "struct" : n == 5 ? "union" : "enum";
			} else if (!keyword(a + is, n) && !(n == 7 && !memcmp(a + is, "default", 7))) {
				strlist_push_owned(names, xstrndup(a + is, n));
			}
		}
	}
	strlist_release(&args);
}
