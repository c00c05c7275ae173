/*
 * Symbols a file-scope asm statement defines: the kernel makes some
 * functions in assembly from C files (DEFINE_STATIC_CALL's __SCT__*
 * trampolines, ARCH_DEFINE_STATIC_CALL_TRAMP), declared in C but with no C
 * body to copy. Used to say so when such a function is asked to be patched.
 */
#include <string.h>

#include "klp-ccp/asm_defs.h"
#include "klp-ccp/util.h"

struct asm_find {
	const char *name;
	bool found;
};

/* Does name start a symbol in the printed literal s (after \n, \t, space, ...)? */
static bool starts_symbol(const char *s, const char *p)
{
	if (p == s || (p - s >= 2 && p[-2] == '\\'))
		return true;
	return !is_ident_char((unsigned char)p[-1]) && p[-1] != '.' && p[-1] != '$';
}

/* Does the printed asm text define label name ("name:")? */
static bool defines_label(const char *s, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = strstr(s, name); p; p = strstr(p + 1, name)) {
		const char *q = p + n;

		if (!starts_symbol(s, p))
			continue;
		while (*q == ' ' || *q == '\t')
			q++;
		if (*q == ':')
			return true;
	}
	return false;
}

/*
 * File-scope asm is an unexposed declaration whose string libclang does not
 * visit: its printing (__asm("...")) has the string as GCC reads it, macros
 * expanded and literals joined.
 */
static enum CXChildVisitResult find_top(CXCursor c, CXCursor parent, CXClientData data)
{
	struct asm_find *af = data;
	CXPrintingPolicy pp;
	CXString s;
	const char *text;

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_UnexposedDecl)
		return CXChildVisit_Continue;
	pp = clang_getCursorPrintingPolicy(c);
	s = clang_getCursorPrettyPrinted(c, pp);
	text = clang_getCString(s);
	if (text && !strncmp(text, "__asm", 5) && defines_label(text, af->name))
		af->found = true;
	clang_disposeString(s);
	clang_PrintingPolicy_dispose(pp);
	return af->found ? CXChildVisit_Break : CXChildVisit_Continue;
}

bool asm_defines(CXTranslationUnit tu, const char *name)
{
	struct asm_find af = { name, false };

	clang_visitChildren(clang_getTranslationUnitCursor(tu), find_top, &af);
	return af.found;
}
