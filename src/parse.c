/*
 * Parse the input with libclang as GCC saw it (DESIGN.md section 1): the
 * prelude is an unsaved file, and __has_*() probes of names the prelude does
 * not answer yet are asked of GCC and the file parsed again.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "klp-ccp/diag.h"
#include "klp-ccp/gcc_cmdline.h"
#include "klp-ccp/patch_mode.h"

/* Parses at most: each new answer may expose new headers and new probes. */
#define MAX_PARSES 4

/* The __has_KIND() probes gcc_prelude.c asks GCC about. */
static const char *const probe_kinds[] = {
	"attribute", "builtin", "c_attribute", "cpp_attribute", "feature", "extension", NULL
};

static const char *error_name(enum CXErrorCode err)
{
	switch (err) {
	case CXError_Success:
		return "no translation unit";
	case CXError_Failure:
		return "failure";
	case CXError_Crashed:	/* e.g. out of stack on deeply nested input (bigstack.h) */
		return "libclang crashed (deeply nested input can exhaust its stack: KLP_CCP_STACK_MIB)";
	case CXError_InvalidArguments:
		return "invalid arguments";
	case CXError_ASTReadError:
		return "AST read error";
	}
	return "unknown error";
}

/* Files read from memory besides the prelude (--patch: the patched headers). */
static struct CXUnsavedFile unsaved[17];
static unsigned n_unsaved = 1;

int parse_override_file(const char *path, const char *text)
{
	if (n_unsaved == sizeof(unsaved) / sizeof(unsaved[0]))
		return -1;
	unsaved[n_unsaved].Filename = xstrdup(path);
	unsaved[n_unsaved].Contents = xstrdup(text);
	unsaved[n_unsaved++].Length = (unsigned long)strlen(text);
	return 0;
}

void parse_override_clear(void)
{
	while (n_unsaved > 1) {
		n_unsaved--;
		free((char *)unsaved[n_unsaved].Filename);
		free((char *)unsaved[n_unsaved].Contents);
	}
}

static CXTranslationUnit parse_once(CXIndex index, const struct gcc_cmdline *cl)
{
	unsigned options = CXTranslationUnit_DetailedPreprocessingRecord |
			   CXTranslationUnit_KeepGoing;
	CXTranslationUnit tu = NULL;
	enum CXErrorCode err;

	unsaved[0].Filename = KLP_CCP_PRELUDE_PATH;
	unsaved[0].Contents = cl->prelude;
	unsaved[0].Length = (unsigned long)strlen(cl->prelude);
	err = clang_parseTranslationUnit2(index, cl->input,
					  (const char *const *)cl->clang_args.v,
					  (int)cl->clang_args.n, unsaved, n_unsaved, options, &tu);
	if (err != CXError_Success || !tu) {
		diag_error("%s: libclang could not parse the file: %s (error %d)",
			   cl->input, error_name(err), (int)err);
		if (tu)
			clang_disposeTranslationUnit(tu);
		return NULL;
	}
	return tu;
}

/* ---- names probed by the parsed files ---- */

static const char *probe_value(const struct gcc_cmdline *cl, const char *probe)
{
	for (size_t i = 0; i < cl->probe_values.n; i++)
		if (!strcmp(cl->probes.v[i], probe))
			return cl->probe_values.v[i];
	return NULL;
}

/* The kind spelled at p (e.g. "attribute" of "__has_attribute"), if GCC has it. */
static const char *active_kind(const struct gcc_cmdline *cl, const char *p, size_t len)
{
	for (const char *const *k = probe_kinds; *k; k++) {
		char defined[64];
		const char *v;

		if (strlen(*k) != len || strncmp(p, *k, len))
			continue;
		snprintf(defined, sizeof(defined), "defined __has_%s", *k);
		v = probe_value(cl, defined);
		return v && strcmp(v, "0") ? *k : NULL;
	}
	return NULL;
}

static const char *skip_blanks(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

static const char *ident_end(const char *p, const char *end)
{
	while (p < end && is_ident_char((unsigned char)*p))
		p++;
	return p;
}

struct scan {
	struct gcc_cmdline *cl;
	CXTranslationUnit tu;
	size_t added;
};

static void add_probe(struct scan *s, const char *kind, const char *name, size_t len)
{
	char *probe = xasprintf("%s %.*s", kind, (int)len, name);

	if (strlist_contains(&s->cl->probes, probe)) {
		free(probe);
		return;
	}
	strlist_push_owned(&s->cl->probes, probe);
	s->added++;
}

/* One "__has_KIND ( NAME" at p (just after "__has_"); returns where to go on. */
static const char *scan_probe(struct scan *s, const char *p, const char *end)
{
	const char *k = p, *name;
	const char *kind;

	p = ident_end(p, end);
	kind = active_kind(s->cl, k, (size_t)(p - k));
	if (!kind)
		return p;
	p = skip_blanks(p, end);
	if (p == end || *p != '(')
		return p;
	p = skip_blanks(p + 1, end);
	if (p == end || !is_ident_start((unsigned char)*p))
		return p;
	name = p;
	p = ident_end(p, end);
	/* a scoped name (gnu::x) cannot be answered by a macro */
	if (p + 1 < end && p[0] == ':' && p[1] == ':')
		return p;
	add_probe(s, kind, name, (size_t)(p - name));
	return p;
}

static void scan_text(struct scan *s, const char *text, size_t size)
{
	const char *p = text, *end = text + size;

	while (p < end && (p = memmem(p, (size_t)(end - p), "__has_", 6))) {
		bool word_start = p == text || !is_ident_char((unsigned char)p[-1]);

		p += 6;
		if (word_start)
			p = scan_probe(s, p, end);
	}
}

static void scan_inclusion(CXFile file, CXSourceLocation *stack, unsigned depth,
			   CXClientData data)
{
	struct scan *s = data;
	CXString name = clang_getFileName(file);
	const char *cname = clang_getCString(name);
	const char *text;
	size_t size = 0;

	(void)stack;
	(void)depth;
	if (!cname || strcmp(cname, KLP_CCP_PRELUDE_PATH)) {
		text = clang_getFileContents(s->tu, file, &size);
		if (text)
			scan_text(s, text, size);
	}
	clang_disposeString(name);
}

/* Queue the probes in the TU's files the prelude does not answer yet. */
static size_t collect_new_probes(CXTranslationUnit tu, struct gcc_cmdline *cl)
{
	struct scan s = { cl, tu, 0 };

	clang_getInclusions(tu, scan_inclusion, &s);
	return s.added;
}

/* Does GCC say yes to any probe from index first on? */
static bool any_supported(const struct gcc_cmdline *cl, size_t first)
{
	for (size_t i = first; i < cl->probe_values.n; i++)
		if (strncmp(cl->probes.v[i], "defined ", 8) && strcmp(cl->probe_values.v[i], "0"))
			return true;
	return false;
}

/* 1: the prelude changed (parse again), 0: it did not, -1: error. */
static int update_probes(CXTranslationUnit tu, struct gcc_cmdline *cl)
{
	size_t first = cl->probe_values.n;

	if (!collect_new_probes(tu, cl))
		return 0;
	if (gcc_cmdline_prepare(cl) < 0)
		return -1;
	return any_supported(cl, first) ? 1 : 0;
}

static int check_input(const char *input)
{
	struct stat st;

	if (stat(input, &st)) {
		diag_error("%s: %s", input, strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		diag_error("%s: %s", input, strerror(EISDIR));
		return -1;
	}
	return 0;
}

CXTranslationUnit parse_translation_unit(CXIndex index, struct gcc_cmdline *cl)
{
	CXTranslationUnit tu;

	if (!cl->input || !cl->prelude) {
		diag_error("internal error: parse before gcc_cmdline_prepare()");
		return NULL;
	}
	if (check_input(cl->input) < 0)
		return NULL;
	tu = parse_once(index, cl);
	for (int n = 1; tu; n++) {
		int changed = update_probes(tu, cl);

		if (changed == 0)
			break;
		if (changed < 0) {
			clang_disposeTranslationUnit(tu);
			return NULL;
		}
		if (n == MAX_PARSES) {
			diag_warning("%s: GCC's __has_*() answers still change after %d parses; the parse may differ from GCC's",
				     cl->input, n);
			break;
		}
		clang_disposeTranslationUnit(tu);
		tu = parse_once(index, cl);
	}
	return tu;
}
