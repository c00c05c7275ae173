/*
 * Attributes for externalized function declarations (see fun_attrs.h).
 * Written attributes come from the definition; noreturn is also inferred the
 * way GCC does for simple bodies (no return statement, ending in a call that
 * does not return); cold also comes from the binary facts (GCC placed the
 * function in .text.unlikely because all of its calls are on unlikely paths).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/fun_attrs.h"
#include "klp-ccp/util.h"

enum { A_NORETURN = 1, A_COLD = 2, A_PURE = 4, A_CONST = 8, A_MALLOC = 16 };

/*
 * clang's printing of a declaration, without a function's body; its
 * attributes, even those from macros, are in it.
 */
static char *printed(CXCursor decl)
{
	CXPrintingPolicy pp = clang_getCursorPrintingPolicy(decl);
	CXString s;
	char *text;

	clang_PrintingPolicy_setProperty(pp, CXPrintingPolicy_TerseOutput, 1);
	s = clang_getCursorPrettyPrinted(decl, pp);
	text = xstrdup(clang_getCString(s) ? clang_getCString(s) : "");

	clang_disposeString(s);
	clang_PrintingPolicy_dispose(pp);
	return text;
}

/*
 * The function an alias declaration names (the attribute's tokens may sit in
 * another file's macro, so ask clang's printing).
 */
char *alias_target(CXCursor decl)
{
	char *text = printed(decl), *a = strstr(text, "alias(\""), *target = NULL;

	if (a) {
		a += 7;
		target = xstrndup(a, strcspn(a, "\""));
	}
	free(text);
	return target;
}

static enum CXChildVisitResult find_asm_label(CXCursor c, CXCursor parent, CXClientData data)
{
	char **label = data;
	CXString s;

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_AsmLabelAttr)
		return CXChildVisit_Continue;
	s = clang_getCursorSpelling(c);
	*label = xstrdup(clang_getCString(s));
	clang_disposeString(s);
	return CXChildVisit_Break;
}

char *entity_asm_label(const struct entity *e)
{
	char *label = NULL;

	if (!clang_Cursor_isNull(e->def))
		clang_visitChildren(e->def, find_asm_label, &label);
	if (!label && !clang_Cursor_isNull(e->canonical))
		clang_visitChildren(e->canonical, find_asm_label, &label);
	return label;
}

/* Written attributes of the declaration, as clang prints them. */
static unsigned written_attrs(CXCursor decl)
{
	static const struct { const char *spelling; unsigned bit; } known[] = {
		{ "__attribute__((cold))", A_COLD }, { "__attribute__((pure))", A_PURE },
		{ "__attribute__((const))", A_CONST }, { "__attribute__((malloc))", A_MALLOC },
	};
	char *text = printed(decl);
	unsigned found = 0;

	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strstr(text, known[i].spelling))
			found |= known[i].bit;
	free(text);
	return found;
}

/*
 * Is the definition's symbol reached without a call written in C: run
 * through .init_array/.fini_array (constructor, destructor), or weak (the
 * linker may have bound its callers to another definition)? Its copy would
 * not be the function the running code uses.
 */
bool bound_by_symbol(CXCursor def)
{
	char *text = printed(def);
	bool found = strstr(text, "__attribute__((constructor") ||
		     strstr(text, "__attribute__((destructor") || strstr(text, "__attribute__((weak))");

	free(text);
	return found;
}

/*
 * The spelled noinline an attribute cursor is, or NULL: its location is where
 * the file spells it, the attribute's name or the outermost macro giving it
 * (noinline, noinline_for_stack, __noinline...); *len its identifier's length.
 */
static const char *noinline_spelling(CXCursor a, size_t *len)
{
	CXFile f = NULL;
	unsigned off = 0;
	size_t size = 0, n = 0;
	const char *text, *word;

	clang_getSpellingLocation(clang_getCursorLocation(a), &f, NULL, NULL, &off);
	text = f ? clang_getFileContents(clang_Cursor_getTranslationUnit(a), f, &size) : NULL;
	if (!text || off >= size)
		return NULL;
	word = text += off;
	size -= off;
	while (size && *text == '_')
		text++, size--;
	if (size < 8 || strncmp(text, "noinline", 8))
		return NULL;
	while (word + n < text + size && (isalnum((unsigned char)word[n]) || word[n] == '_'))
		n++;
	*len = n;
	return word;
}

struct noinline_seen {
	bool any;	/* a spelled noinline */
	bool other;	/* one that is not noinline_for_stack */
};

static enum CXChildVisitResult noinline_visit(CXCursor c, CXCursor parent, CXClientData data)
{
	struct noinline_seen *seen = data;
	const char *word;
	size_t len = 0;

	(void)parent;
	if (!clang_isAttribute(clang_getCursorKind(c)) || !(word = noinline_spelling(c, &len)))
		return CXChildVisit_Continue;
	seen->any = true;
	seen->other |= len != 18 || strncmp(word, "noinline_for_stack", 18);
	return CXChildVisit_Continue;
}

/*
 * Attribute children, not clang's printing: that crashes on some kernel
 * declarations (libclang 16).
 */
static struct noinline_seen noinline_of(const struct entity *e)
{
	CXCursor c[2] = { e->def, e->canonical };
	struct noinline_seen seen = { false, false };

	for (int i = 0; i < 2; i++)
		if (!clang_Cursor_isNull(c[i]))
			clang_visitChildren(c[i], noinline_visit, &seen);
	return seen;
}

bool declared_noinline(const struct entity *e)
{
	return noinline_of(e).any;
}

bool noinline_for_stack_only(const struct entity *e)
{
	struct noinline_seen seen = noinline_of(e);

	return seen.any && !seen.other;
}

bool fun_name_written(CXCursor decl)
{
	CXSourceLocation loc = clang_getCursorLocation(decl);
	CXFile sf = NULL, ef = NULL;
	unsigned soff = 0, eoff = 0;

	clang_getSpellingLocation(loc, &sf, NULL, NULL, &soff);
	clang_getExpansionLocation(loc, &ef, NULL, NULL, &eoff);
	return sf && clang_File_isEqual(sf, ef) && soff == eoff;
}

/*
 * Does the declaration's text before its body spell externally_visible?
 * clang drops the attribute it does not know from the declaration's extent,
 * so the text from the line before the extent's start on is read (another
 * declaration's __visible there only keeps this one externalized).
 */
static bool spells_visible(struct model *m, CXCursor decl)
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(decl);
	CXSourceRange ext = clang_getCursorExtent(decl);
	CXSourceLocation from;
	CXToken *toks = NULL;
	unsigned n = 0, line = 0;
	CXFile f = NULL;
	bool yes = false;

	clang_getSpellingLocation(clang_getRangeStart(ext), &f, &line, NULL, NULL);
	if (f) {
		line = line > 1 ? line - 1 : 1;
		if (!model_line_location(m, clang_getRangeStart(ext), line, &from))
			from = clang_getLocation(tu, f, line, 1);
		ext = clang_getRange(from, clang_getRangeEnd(ext));
	}
	clang_tokenize(tu, ext, &toks, &n);
	for (unsigned i = 0; i < n && !yes; i++) {
		CXString s = clang_getTokenSpelling(tu, toks[i]);
		const char *t = clang_getCString(s);

		if (!strcmp(t, "{")) {
			clang_disposeString(s);
			break;
		}
		yes = !strcmp(t, "__visible") || !strcmp(t, "externally_visible") ||
		      !strcmp(t, "__externally_visible__");
		clang_disposeString(s);
	}
	clang_disposeTokens(tu, toks, n);
	return yes;
}

bool declared_visible(struct model *m, const struct entity *e)
{
	CXCursor c[2] = { e->def, e->canonical };

	for (int i = 0; i < 2; i++)
		if (!clang_Cursor_isNull(c[i]) &&
		    (!fun_name_written(c[i]) || spells_visible(m, c[i])))
			return true;
	return false;
}

static bool type_says_noreturn(CXCursor fn)
{
	CXString s = clang_getTypeSpelling(clang_getCursorType(fn));
	bool yes = strstr(clang_getCString(s), "noreturn") != NULL;

	clang_disposeString(s);
	return yes;
}

struct pick {
	CXCursor c;
	bool first;
};

static enum CXChildVisitResult pick_child(CXCursor c, CXCursor parent, CXClientData data)
{
	struct pick *p = data;

	p->c = c;
	return p->first ? CXChildVisit_Break : CXChildVisit_Continue;
}

/* The first or the last child of c, or a null cursor. */
static CXCursor child_of(CXCursor c, bool first)
{
	struct pick p = { clang_getNullCursor(), first };

	clang_visitChildren(c, pick_child, &p);
	return p.c;
}

/* Does statement c end in a call that never returns? (BUG(), panic(), ...) */
static bool ends_noreturn(CXCursor c, int depth)
{
	CXCursor callee;
	CXString name;
	bool yes;

	if (clang_Cursor_isNull(c) || depth > 16)
		return false;
	switch (clang_getCursorKind(c)) {
	case CXCursor_CompoundStmt:
	case CXCursor_UnexposedExpr:
	case CXCursor_ParenExpr:
	case CXCursor_CStyleCastExpr:
		return ends_noreturn(child_of(c, false), depth + 1);
	case CXCursor_DoStmt:
		return ends_noreturn(child_of(c, true), depth + 1);
	case CXCursor_CallExpr:
		callee = clang_getCursorReferenced(c);
		if (clang_Cursor_isNull(callee))
			return false;
		if (type_says_noreturn(callee))
			return true;
		name = clang_getCursorSpelling(callee);
		yes = !strcmp(clang_getCString(name), "__builtin_unreachable") ||
		      !strcmp(clang_getCString(name), "__builtin_trap");
		clang_disposeString(name);
		return yes;
	default:
		return false;
	}
}

static bool never_returns(CXCursor def)
{
	CXCursor body;

	if (type_says_noreturn(def))
		return true;
	if (clang_getCursorResultType(def).kind != CXType_Void || !clang_isCursorDefinition(def))
		return false;
	body = child_of(def, false);
	return clang_getCursorKind(body) == CXCursor_CompoundStmt &&
	       !cursor_has_descendant(body, CXCursor_ReturnStmt) && ends_noreturn(body, 0);
}

char *callee_attributes(const struct entity *e)
{
	static const char *const names[] = {
		"__noreturn__", "__cold__", "__pure__", "__const__", "__malloc__",
	};
	CXCursor c = clang_Cursor_isNull(e->def) ? e->canonical : e->def;
	unsigned found = written_attrs(c);
	struct strbuf sb = { 0 };

	if (never_returns(c))
		found |= A_NORETURN;
	if (e->cold)
		found |= A_COLD;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (found & (1u << i))
			sb_addf(&sb, "%s%s", sb.len ? ", " : "__attribute__((", names[i]);
	if (sb.len)
		sb_adds(&sb, ")) ");
	return sb.len ? sb_detach(&sb) : xstrdup("");
}

/* The first AlignedAttr child of a declaration. */
static enum CXChildVisitResult find_aligned(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_AlignedAttr)
		return CXChildVisit_Continue;
	*(CXCursor *)data = c;
	return CXChildVisit_Break;
}

/* The integer of a decimal, octal or hex literal token; 0 when not one. */
static unsigned long long literal_value(const char *t)
{
	char *end;
	unsigned long long v;

	if (!isdigit((unsigned char)*t))
		return 0;
	v = strtoull(t, &end, 0);
	while (*end == 'u' || *end == 'U' || *end == 'l' || *end == 'L')
		end++;
	return *end ? 0 : v;
}

/*
 * "_Alignas(N)", "aligned(N)", "__aligned__(N)" with an integer literal N
 * (the first tokens of toks), or "aligned" alone (the target's largest alignment): N, or the macro
 * __BIGGEST_ALIGNMENT__'s name; NULL for anything else (an expression,
 * a type, a macro argument).
 */
static char *alignment_spelled(CXTranslationUnit tu, const CXToken *toks, unsigned n)
{
	const char *kw[] = { "_Alignas", "aligned", "__aligned__", NULL };
	char *r = NULL, *w[4] = { NULL };
	bool known = false;

	for (unsigned i = 0; i < n && i < 4; i++) {
		CXString s = clang_getTokenSpelling(tu, toks[i]);

		w[i] = xstrdup(clang_getCString(s));
		clang_disposeString(s);
	}
	for (const char *const *k = kw; *k && w[0]; k++)
		known |= !strcmp(w[0], *k);
	if (known && (n == 1 || strcmp(w[1], "(")) && strcmp(w[0], "_Alignas"))
		r = xstrdup("__BIGGEST_ALIGNMENT__");
	else if (known && n >= 4 && !strcmp(w[1], "(") && !strcmp(w[3], ")") &&
		 literal_value(w[2]))
		r = xasprintf("%llu", literal_value(w[2]));
	for (unsigned i = 0; i < 4; i++)
		free(w[i]);
	return r;
}

char *declared_alignment(CXCursor decl)
{
	CXCursor attr = clang_getNullCursor();
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(decl);
	CXToken *toks = NULL;
	unsigned n = 0;
	char *r;

	clang_visitChildren(decl, find_aligned, &attr);
	if (clang_Cursor_isNull(attr))
		return NULL;
	clang_tokenize(tu, clang_getCursorExtent(attr), &toks, &n);
	if (n == 1 && clang_getTokenKind(toks[0]) == CXToken_Keyword) {
		/* _Alignas's extent is the keyword alone: read on to the declaration's end */
		clang_disposeTokens(tu, toks, n);
		clang_tokenize(tu, clang_getRange(clang_getRangeStart(clang_getCursorExtent(attr)),
						  clang_getRangeEnd(clang_getCursorExtent(decl))),
			       &toks, &n);
	}
	r = alignment_spelled(tu, toks, n);
	clang_disposeTokens(tu, toks, n);
	return r;
}
