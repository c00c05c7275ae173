/*
 * Parse the input with libclang as GCC saw it (DESIGN.md section 1): the
 * prelude is an unsaved file, and __has_*() probes of names the prelude does
 * not answer yet are asked of GCC and the file parsed again.
 */
#include <errno.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "klp-ccp/diag.h"
#include "klp-ccp/gcc_cmdline.h"
#include "klp-ccp/maps.h"
#include "klp-ccp/neutral.h"
#include "klp-ccp/patch_mode.h"

/* Parses at most: each new answer may expose new headers and new probes. */
#define MAX_PARSES 4
/* Parses again after neutralizing (neutral.h): one normally fixes all. */
#define MAX_NEUTRAL_PARSES 3

/* The __has_KIND() probes gcc_prelude.c asks GCC about. */
static const char *const probe_kinds[] = {
	"attribute", "builtin", "c_attribute", "cpp_attribute", "feature", "extension", NULL
};

/*
 * glibc hands blocks of 128 KiB and more back to the kernel when they are
 * freed (and raises that threshold as it goes), and trims the heap's top:
 * the next allocation faults the pages in again, zeroed (about 2 us a page;
 * a kernel unit's parse and index free and allocate hundreds of MB). Freed
 * blocks up to 4 MiB stay in the heap instead; a larger threshold costs
 * more faults than it saves (32 MiB: 1,300 more than 4 MiB in parse_check
 * of net/core/skbuff.c, 600 more than glibc's default). In the parse's
 * code, so that every process that parses the same way (klp-ccp,
 * parse_check) allocates the same way.
 */
void parse_tune_allocator(void)
{
	mallopt(M_MMAP_THRESHOLD, 4 << 20);
	mallopt(M_TRIM_THRESHOLD, 256 << 20);
	mallopt(M_TOP_PAD, 16 << 20);		/* grow the heap in steps of 16 MiB */
}

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

/*
 * Files read from memory besides the prelude: --patch's patched headers
 * (parse_override_file) and copies neutralized for clang (neutral.h), whose
 * text before neutralizing is kept for parse_original_text().
 */
struct override {
	char *path;
	char *text;		/* what clang reads */
	char *original;		/* the text before neutralizing, or NULL */
	size_t len;
};
static struct override *overrides;
static size_t n_overrides, cap_overrides;
static struct CXUnsavedFile *unsaved;

static struct override *find_override(const char *path)
{
	for (size_t i = 0; i < n_overrides; i++)
		if (!strcmp(overrides[i].path, path))
			return &overrides[i];
	return NULL;
}

static struct override *add_override(const char *path, char *text, size_t len)
{
	struct override *o = ARRAY_PUSH(overrides, n_overrides, cap_overrides);

	o->path = xstrdup(path);
	o->text = text;
	o->original = NULL;
	o->len = len;
	return o;
}

int parse_override_file(const char *path, const char *text)
{
	struct override *o = find_override(path);

	if (o) {
		free(o->text);
		free(o->original);
		o->original = NULL;
		o->text = xstrdup(text);
		o->len = strlen(text);
		return 0;
	}
	add_override(path, xstrdup(text), strlen(text));
	return 0;
}

void parse_override_clear(void)
{
	for (size_t i = 0; i < n_overrides; i++) {
		free(overrides[i].path);
		free(overrides[i].text);
		free(overrides[i].original);
	}
	free(overrides);
	free(unsaved);
	overrides = NULL;
	unsaved = NULL;
	n_overrides = cap_overrides = 0;
}

const char *parse_original_text(const char *path, size_t *len)
{
	struct override *o = find_override(path);

	if (!o || !o->original)
		return NULL;
	if (len)
		*len = strlen(o->original);
	return o->original;
}

static void drop_texts(void);

/* The last probe scan's inclusions (parse_inclusions), of the TU scanned. */
static struct parse_inclusion *incs;
static size_t n_incs, cap_incs;
static CXTranslationUnit incs_tu;

const struct parse_inclusion *parse_inclusions(CXTranslationUnit tu, size_t *n)
{
	*n = n_incs;
	return tu && tu == incs_tu ? incs : NULL;
}

static CXTranslationUnit parse_once(CXIndex index, const struct gcc_cmdline *cl)
{
	unsigned options = CXTranslationUnit_DetailedPreprocessingRecord |
			   CXTranslationUnit_KeepGoing;
	CXTranslationUnit tu = NULL;
	enum CXErrorCode err;

	drop_texts();	/* read before this parse */
	n_incs = 0;
	incs_tu = NULL;
	free(unsaved);
	unsaved = xcalloc(n_overrides + 1, sizeof(*unsaved));
	unsaved[0].Filename = KLP_CCP_PRELUDE_PATH;
	unsaved[0].Contents = cl->prelude;
	unsaved[0].Length = (unsigned long)strlen(cl->prelude);
	for (size_t i = 0; i < n_overrides; i++) {
		unsaved[i + 1].Filename = overrides[i].path;
		unsaved[i + 1].Contents = overrides[i].text;
		unsaved[i + 1].Length = (unsigned long)overrides[i].len;
	}
	err = clang_parseTranslationUnit2(index, cl->input,
					  (const char *const *)cl->clang_args.v,
					  (int)cl->clang_args.n, unsaved,
					  (unsigned)n_overrides + 1, options, &tu);
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

/*
 * The texts the last probe scan read from disk, unchanged since clang read
 * them: the index takes them (parse_take_text) instead of reading every
 * file a second time. Emptied by each parse.
 */
struct cached_text {
	char *path, *text;
	size_t len;
};
static struct cached_text *texts;
static size_t n_texts, cap_texts;
static struct strmap text_index;	/* path -> index into texts */
static bool keeping_texts;		/* parse_keep_texts() */

void parse_keep_texts(void)
{
	keeping_texts = true;
}

static void drop_texts(void)
{
	for (size_t i = 0; i < n_texts; i++) {
		free(texts[i].path);
		free(texts[i].text);
	}
	free(texts);
	texts = NULL;
	n_texts = cap_texts = 0;
	strmap_release(&text_index);
}

static void keep_text(const char *path, char *text, size_t len)
{
	struct cached_text *t;

	if (strmap_get(&text_index, path) >= 0) {
		free(text);
		return;
	}
	t = ARRAY_PUSH(texts, n_texts, cap_texts);
	*t = (struct cached_text){ xstrdup(path), text, len };
	strmap_put(&text_index, t->path, (int)n_texts - 1);
}

char *parse_take_text(const char *path, size_t *len)
{
	int i = strmap_get(&text_index, path);
	char *text;

	if (i < 0 || !texts[i].text)
		return NULL;
	text = texts[i].text;
	texts[i].text = NULL;
	*len = texts[i].len;
	return text;
}

void parse_drop_texts(void)
{
	drop_texts();
}

/*
 * The text of an included file: clang_getFileContents() looks the file up by
 * a scan of the whole source location table (one entry per macro
 * expansion; up to 13% of the instructions of a kernel unit), so the file is
 * read again instead, unless there are unsaved files besides the prelude
 * (--patch) or it changed since clang read it. *own: what the caller keeps.
 */
static const char *inclusion_text(CXTranslationUnit tu, CXFile file, const char *name,
				  size_t *size, char **own)
{
	struct stat st;

	/* --patch: an unsaved file may be spelled differently; clang knows */
	*own = name && !n_overrides ? read_file(name, size) : NULL;
	if (*own && !stat(name, &st) && st.st_mtime == clang_getFileTime(file))
		return *own;
	free(*own);
	*own = NULL;
	return clang_getFileContents(tu, file, size);
}

static void scan_inclusion(CXFile file, CXSourceLocation *stack, unsigned depth,
			   CXClientData data)
{
	struct scan *s = data;
	CXString name = clang_getFileName(file);
	const char *cname = clang_getCString(name);
	const char *text;
	size_t size = 0;

	*ARRAY_PUSH(incs, n_incs, cap_incs) = (struct parse_inclusion){
		file, depth ? stack[0] : clang_getNullLocation(), depth > 0 };
	if (!cname || strcmp(cname, KLP_CCP_PRELUDE_PATH)) {
		char *own = NULL;

		text = inclusion_text(s->tu, file, cname, &size, &own);
		if (text)
			scan_text(s, text, size);
		if (own && keeping_texts)
			keep_text(cname, own, size);
		else
			free(own);
	}
	clang_disposeString(name);
}

/* Queue the probes in the TU's files the prelude does not answer yet. */
static size_t collect_new_probes(CXTranslationUnit tu, struct gcc_cmdline *cl)
{
	struct scan s = { cl, tu, 0 };

	n_incs = 0;
	clang_getInclusions(tu, scan_inclusion, &s);
	incs_tu = tu;
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

/* ---- what GCC accepts and clang does not (neutral.h) ---- */

/* What clang rejected that neutral.h rewrites. */
struct neutral_scan {
	struct strlist bad;	/* inline-asm constraints */
	bool atomics;		/* __atomic builtins on _Atomic objects */
	bool changed;
};

static bool neutral_fix(char *text, size_t len, const struct neutral_scan *ns)
{
	bool changed = ns->bad.n &&
		neutral_fix_text(text, len, (const char *const *)ns->bad.v, ns->bad.n);

	return (ns->atomics && neutral_fix_atomics(text, len)) || changed;
}

/* Rewrite the copy of PATH clang reads; true when it changed. */
static bool neutralize_file(const char *path, const struct neutral_scan *ns)
{
	struct override *o = find_override(path);
	size_t len;
	char *text;

	if (o) {
		char *before = xstrdup(o->text);

		if (!neutral_fix(o->text, o->len, ns)) {
			free(before);
			return false;
		}
		if (!o->original)
			o->original = before;
		else
			free(before);
		return true;
	}
	text = read_file(path, &len);
	if (!text || !neutral_fix(text, len, ns)) {
		free(text);
		return false;
	}
	o = add_override(path, text, len);
	o->original = read_file(path, NULL);
	if (!o->original)
		o->original = xstrdup("");
	return true;
}

static void neutralize_inclusion(CXFile file, CXSourceLocation *stack, unsigned depth,
				 CXClientData data)
{
	struct neutral_scan *ns = data;
	CXString name = clang_getFileName(file);
	const char *path = clang_getCString(name);

	(void)stack;
	(void)depth;
	if (path && strcmp(path, KLP_CCP_PRELUDE_PATH))
		ns->changed |= neutralize_file(path, ns);
	clang_disposeString(name);
}

/* The constraints and _Atomic uses clang rejected in TU (neutral.h). */
static void rejected(CXTranslationUnit tu, struct neutral_scan *ns)
{
	unsigned n = clang_getNumDiagnostics(tu);

	for (unsigned i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);
		CXString msg = clang_getDiagnosticSpelling(d);
		const char *m = clang_getCString(msg);
		char c[256];

		if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
			if (neutral_constraint(m, c, sizeof(c)) && !strlist_contains(&ns->bad, c))
				strlist_push(&ns->bad, c);
			ns->atomics |= neutral_atomic(m);
		}
		clang_disposeString(msg);
		clang_disposeDiagnostic(d);
	}
}

/* Neutralize in every file of TU what clang rejected; true when text changed. */
static bool neutralize(CXTranslationUnit tu)
{
	struct neutral_scan ns = { { 0 }, false, false };

	rejected(tu, &ns);
	if (ns.bad.n || ns.atomics)
		clang_getInclusions(tu, neutralize_inclusion, &ns);
	strlist_release(&ns.bad);
	return ns.changed;
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
	for (int n = 0; tu && n < MAX_NEUTRAL_PARSES && neutralize(tu); n++) {
		clang_disposeTranslationUnit(tu);
		tu = parse_once(index, cl);
	}
	return tu;
}
