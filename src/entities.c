/*
 * Stage "index": walk the translation unit once and record files (with their
 * inclusion paths), top-level declaration units (original text ranges),
 * functions and objects, macro definitions and expansions, diagnostics.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "klp-ccp/diag.h"
#include "klp-ccp/directives.h"
#include "klp-ccp/idents.h"
#include "klp-ccp/lexer.h"
#include "klp-ccp/gcc_cmdline.h"
#include "klp-ccp/maps.h"
#include "klp-ccp/pp_text.h"
#include "klp-ccp/model.h"
#include "klp-ccp/neutral.h"

struct maps {
	struct u64map file_of;		/* CXFile pointer -> file */
	CXFile last_file;		/* model_file_of()'s last answer: file last_file_idx */
	int last_file_idx;
	struct u64map ent_of;		/* cursor hash -> entity */
	struct u64map macro_at;		/* (file, offset) -> macro */
	struct strmap macro_first;	/* name -> first definition */
	struct strmap names;		/* identifiers in use */
	struct strmap interned;		/* model_intern() strings -> owned_names index */
	struct strmap name_unit;	/* declared name -> unit of its first declaration */
	struct strmap tag_def;		/* struct/union/enum tag -> unit of its definition */
	struct strmap fun_def;		/* name -> first function entity with a definition, */
	size_t fun_def_seen;		/* of the entities [0, fun_def_seen) */
	struct strlist owned_names;
	struct strlist texts;		/* file texts read by file_text() */
	struct skipped *skipped;	/* per file, once model_directives() needs them */
	size_t n_skipped;
};

static struct maps *maps_of(struct model *m)
{
	return m->maps;
}

static uint64_t ptr_key(const void *p)
{
	return (uint64_t)(uintptr_t)p;
}

static uint64_t pos_key(int file, unsigned offset)
{
	return ((uint64_t)(unsigned)file << 32) | offset;
}

int model_file_of(struct model *m, CXFile f)
{
	struct maps *mp = maps_of(m);
	size_t pos = 0;
	int idx;

	if (!f)
		return -1;
	/* most look-ups ask for the file of the last one (a declaration's ends) */
	if (f == mp->last_file)
		return mp->last_file_idx;
	while (u64map_next(&mp->file_of, ptr_key(f), &pos, &idx))
		if (clang_File_isEqual(m->files[idx].cxfile, f)) {
			mp->last_file = f;
			mp->last_file_idx = idx;
			return idx;
		}
	return -1;
}

bool model_locate(struct model *m, CXSourceLocation loc, int *file, unsigned *offset)
{
	CXFile f;

	clang_getFileLocation(loc, &f, NULL, NULL, offset);
	*file = model_file_of(m, f);
	return *file >= 0;
}

bool model_locate_expansion(struct model *m, CXSourceLocation loc, int *file, unsigned *offset)
{
	CXFile f;

	clang_getExpansionLocation(loc, &f, NULL, NULL, offset);
	*file = model_file_of(m, f);
	return *file >= 0;
}

/* ---- lines ---- */

/*
 * Line numbers without clang_getLocationForOffset(), which finds the file by
 * a scan of the whole source location table on every call (0.5 M
 * instructions a call on kernel/fork.c): counted in the text for files
 * without '\r' (clang's line ends are then exactly the '\n's, and the model's
 * text has clang's line ends, see file_text()).
 */
static bool count_lines(struct kfile *kf)
{
	size_t cap = 0;

	if (kf->lines_plain)
		return kf->lines_plain > 0;
	kf->lines_plain = -1;
	if (!kf->len || memchr(kf->text, '\r', kf->len))
		return false;
	*ARRAY_PUSH(kf->line_starts, kf->n_lines, cap) = 0;
	for (const char *p = kf->text, *end = p + kf->len; (p = memchr(p, '\n', (size_t)(end - p)));)
		*ARRAY_PUSH(kf->line_starts, kf->n_lines, cap) = (unsigned)(++p - kf->text);
	kf->lines_plain = 1;
	return true;
}

/* The 1-based line of offset in a file count_lines() counted. */
static unsigned counted_line(const struct kfile *kf, unsigned offset)
{
	size_t lo = 0, hi = kf->n_lines;	/* line_starts[lo] <= offset < line_starts[hi] */

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (kf->line_starts[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	return (unsigned)lo + 1;
}

unsigned model_line_of(struct model *m, int file, unsigned offset)
{
	struct kfile *kf = &m->files[file];
	CXSourceLocation loc;
	unsigned line;

	if (offset <= kf->len && count_lines(kf))
		return counted_line(kf, offset);
	loc = clang_getLocationForOffset(m->tu, kf->cxfile, offset);
	clang_getFileLocation(loc, NULL, &line, NULL, NULL);
	return line;
}

/*
 * clang_getLocation() finds the file's first inclusion by a scan of every
 * source location entry (half a million instructions a call on
 * kernel/fork.c). A file included once has one inclusion, whose locations
 * are its start in clang's location space plus the offset (reread_base()),
 * and clang's lines are the counted ones; the location clang would return
 * for column 1 is a macro argument's expansion only where the line starts
 * inside a macro invocation's arguments, whose spelling is this location.
 */
bool model_line_location(struct model *m, CXSourceLocation loc, unsigned line,
			 CXSourceLocation *out)
{
	struct kfile *kf;
	unsigned off;
	int file;

	if ((loc.int_data & 0x80000000u) || !model_locate(m, loc, &file, &off))
		return false;
	kf = &m->files[file];
	if (kf->n_inclusions != 1 || off > kf->len || !count_lines(kf) || !line ||
	    line > kf->n_lines || loc.int_data < off)
		return false;
	*out = loc;
	out->int_data = loc.int_data - off + kf->line_starts[line - 1];
	return true;
}

/* A "#line" or "# 12" directive (or something like one) in the text? */
static bool has_line_directive(const struct kfile *kf)
{
	const char *t = kf->text, *end = t + kf->len;

	for (const char *p = t; (p = memchr(p, '#', (size_t)(end - p))); p++) {
		const char *q = p;

		while (q > t && (q[-1] == ' ' || q[-1] == '\t'))
			q--;
		if (q > t && q[-1] != '\n')
			continue;
		for (q = p + 1; q < end && (*q == ' ' || *q == '\t'); q++)
			;
		if (q < end && ((*q >= '0' && *q <= '9') ||
				(end - q > 4 && !strncmp(q, "line", 4) && !is_ident_char((unsigned char)q[4]))))
			return true;
	}
	return false;
}

/*
 * A location in the file without clang_getLocationForOffset(), whose first
 * call for a file computes a macro argument map of everything the file
 * includes (20 M instructions for kernel/fork.c): an #include in it, else
 * the start of its first declaration.
 */
static bool file_anchor(struct model *m, struct kfile *kf, CXSourceLocation *loc)
{
	if (kf->has_anchor)
		*loc = kf->anchor;
	else if (kf->n_units && m->units[kf->units[0]].n_cursors)
		*loc = clang_getRangeStart(clang_getCursorExtent(m->units[kf->units[0]].cursors[0]));
	else
		return false;
	return true;
}

/*
 * Without line directives the presumed name is the same at every offset and
 * the presumed line is the line: clang is asked once per file, at a location
 * it has at hand.
 */
const char *model_presumed(struct model *m, int file, unsigned offset, unsigned *line)
{
	struct kfile *kf = &m->files[file];
	CXSourceLocation loc;
	CXString fname;
	const char *name;

	if (!kf->presumed_plain) {
		kf->presumed_plain = -1;
		if (!has_line_directive(kf) && count_lines(kf) && file_anchor(m, kf, &loc)) {
			clang_getPresumedLocation(loc, &fname, NULL, NULL);
			kf->presumed_name = model_intern(m, clang_getCString(fname) ?
							      clang_getCString(fname) : "");
			clang_disposeString(fname);
			kf->presumed_plain = 1;
		}
	}
	if (kf->presumed_plain > 0 && offset <= kf->len) {
		*line = counted_line(kf, offset);
		return kf->presumed_name;
	}
	loc = clang_getLocationForOffset(m->tu, kf->cxfile, offset);
	clang_getPresumedLocation(loc, &fname, line, NULL);
	name = model_intern(m, clang_getCString(fname) ? clang_getCString(fname) : "");
	clang_disposeString(fname);
	return name;
}

/* ---- files ---- */

/* The byte ranges of one file the preprocessor skipped. */
struct skipped {
	struct { unsigned from, to; } *v;
	size_t n, cap;
};

static void add_skipped(struct skipped *sk, unsigned from, unsigned to)
{
	ARRAY_PUSH(sk->v, sk->n, sk->cap)->from = from;
	sk->v[sk->n - 1].to = to;
}

/*
 * Every file's skipped ranges from one clang_getAllSkippedRanges():
 * clang_getSkippedRanges() per file looks the file up by a scan of the whole
 * source location table and walks every skipped range of the unit, about a
 * million instructions per file (840 files on kernel/fork.c). A range belongs
 * to the file its start or its end is in, as clang_getSkippedRanges() has it.
 */
static void read_skipped(struct model *m)
{
	struct maps *mp = maps_of(m);
	CXSourceRangeList *all = clang_getAllSkippedRanges(m->tu);

	mp->n_skipped = m->n_files;
	mp->skipped = xcalloc(m->n_files + 1, sizeof(*mp->skipped));
	for (unsigned i = 0; all && i < all->count; i++) {
		CXFile ff, tf;
		unsigned from, to;
		int f, t;

		clang_getFileLocation(clang_getRangeStart(all->ranges[i]), &ff, NULL, NULL, &from);
		clang_getFileLocation(clang_getRangeEnd(all->ranges[i]), &tf, NULL, NULL, &to);
		f = model_file_of(m, ff);
		t = model_file_of(m, tf);
		if (f >= 0)
			add_skipped(&mp->skipped[f], from, to);
		if (t >= 0 && t != f)
			add_skipped(&mp->skipped[t], from, to);
	}
	if (all)
		clang_disposeSourceRangeList(all);
}

/* Is [start, end) inside a range the preprocessor skipped? */
static bool in_skipped(const struct skipped *sk, unsigned start, unsigned end)
{
	for (size_t i = 0; i < sk->n; i++)
		if (sk->v[i].from < start && end <= sk->v[i].to)
			return true;
	return false;
}

const struct directives *model_directives(struct model *m, int file)
{
	struct kfile *kf = &m->files[file];
	struct maps *mp = maps_of(m);
	const struct skipped *sk;

	if (kf->dirs)
		return kf->dirs;
	if (!mp->skipped)
		read_skipped(m);
	/* files are all known before the first call; the extra entry is empty */
	sk = &mp->skipped[(size_t)file < mp->n_skipped ? (size_t)file : mp->n_skipped];
	kf->dirs = xcalloc(1, sizeof(*kf->dirs));
	directives_scan(kf->text, kf->len, kf->dirs);
	for (size_t i = 0; i < kf->dirs->n; i++)
		kf->dirs->v[i].active = !in_skipped(sk, kf->dirs->v[i].start, kf->dirs->v[i].end);
	return kf->dirs;
}

static unsigned line_start(const char *text, unsigned off)
{
	while (off > 0 && text[off - 1] != '\n')
		off--;
	return off;
}

static char *line_text(const char *text, size_t len, unsigned off)
{
	unsigned end = off;

	while (end < len && text[end] != '\n')
		end++;
	return xstrndup(text + off, end - off);
}

/*
 * The text clang parsed. clang_getFileContents() looks the file up by a scan
 * of the whole source location table (one entry per macro expansion), which
 * made it two thirds of the index time on kernel units: read the file
 * instead, unless it is an unsaved file (the prelude) or changed since clang
 * read it.
 */
static const char *file_text(struct model *m, CXFile f, const char *name, size_t *len)
{
	const char *orig = parse_original_text(name, len);
	struct stat st;
	char *text;

	if (orig)	/* clang read a neutralized copy (neutral.h) */
		return orig;
	text = parse_take_text(name, len);
	if (text) {	/* the parse's probe scan read it, unchanged since clang did */
		strlist_push_owned(&maps_of(m)->texts, text);
		return text;
	}
	text = read_file(name, len);

	if (text && !stat(name, &st) && st.st_mtime == clang_getFileTime(f)) {
		strlist_push_owned(&maps_of(m)->texts, text);
		return text;
	}
	free(text);
	return clang_getFileContents(m->tu, f, len);
}

static int add_file(struct model *m, CXFile f)
{
	struct kfile *kf = ARRAY_PUSH(m->files, m->n_files, m->cap_files);
	CXString name = clang_getFileName(f);
	int idx = (int)m->n_files - 1;

	memset(kf, 0, sizeof(*kf));
	kf->cxfile = f;
	kf->name = xstrdup(clang_getCString(name));
	clang_disposeString(name);
	kf->text = file_text(m, f, kf->name, &kf->len);
	if (!kf->text) {
		kf->text = "";
		kf->len = 0;
	}
	kf->includer = -1;
	kf->eligible = -1;
	kf->provider = -1;
	u64map_add(&maps_of(m)->file_of, ptr_key(f), idx);
	return idx;
}

struct inclusion {
	CXFile file;
	CXFile includer;
	CXSourceLocation at;	/* of the #include */
	unsigned offset;
	bool from_command_line;
};

struct inclusion_list {
	struct inclusion *v;
	size_t n, cap;
};

static void add_inclusion(struct inclusion_list *l, CXFile f, const CXSourceLocation *at)
{
	struct inclusion *inc = ARRAY_PUSH(l->v, l->n, l->cap);

	memset(inc, 0, sizeof(*inc));
	inc->file = f;
	if (at) {
		inc->at = *at;
		clang_getFileLocation(*at, &inc->includer, NULL, NULL, &inc->offset);
		inc->from_command_line = !inc->includer;
	}
}

static void collect_inclusion(CXFile f, CXSourceLocation *stack, unsigned n, CXClientData data)
{
	add_inclusion(data, f, n ? &stack[0] : NULL);
}

/* The parse's probe scan listed them (parse_inclusions()), or libclang again. */
static void list_inclusions(CXTranslationUnit tu, struct inclusion_list *l)
{
	size_t n;
	const struct parse_inclusion *pi = parse_inclusions(tu, &n);

	if (!pi) {
		clang_getInclusions(tu, collect_inclusion, l);
		return;
	}
	for (size_t i = 0; i < n; i++)
		add_inclusion(l, pi[i].file, pi[i].has_at ? &pi[i].at : NULL);
}

static void set_role(struct model *m, int idx, const struct inclusion *inc, int pre_seq)
{
	struct kfile *kf = &m->files[idx];

	if (!strcmp(kf->name, KLP_CCP_PRELUDE_PATH)) {
		kf->role = FILE_PRELUDE;
	} else if (!inc->includer && !inc->from_command_line) {
		kf->role = FILE_MAIN;
		m->main_file = idx;
	} else if (inc->from_command_line) {
		kf->role = FILE_PRE_INCLUDE;
	} else {
		kf->role = FILE_HEADER;
	}
	(void)pre_seq;
}

static void compute_key(struct model *m, int idx, int pre_seq)
{
	struct kfile *kf = &m->files[idx];
	struct kfile *inc;

	if (kf->key || kf->role == FILE_MAIN)
		return;
	if (kf->role == FILE_PRELUDE || kf->role == FILE_PRE_INCLUDE || kf->includer < 0) {
		kf->key = xmalloc(sizeof(long));
		kf->key[0] = kf->role == FILE_PRELUDE ? -100000 : -50000 + pre_seq;
		kf->key_len = 1;
		return;
	}
	compute_key(m, kf->includer, pre_seq);
	inc = &m->files[kf->includer];
	kf->key_len = inc->key_len + 1;
	kf->key = xmalloc(kf->key_len * sizeof(long));
	if (inc->key_len)
		memcpy(kf->key, inc->key, inc->key_len * sizeof(long));
	kf->key[inc->key_len] = kf->directive_offset;
}

static void index_files(struct model *m)
{
	struct inclusion_list l = { 0 };
	int pre_seq = 0;

	m->main_file = -1;
	list_inclusions(m->tu, &l);
	for (size_t i = 0; i < l.n; i++)
		if (model_file_of(m, l.v[i].file) < 0)
			set_role(m, add_file(m, l.v[i].file), &l.v[i], 0);
	parse_drop_texts();
	for (size_t i = 0; i < l.n; i++) {
		int idx = model_file_of(m, l.v[i].file);
		struct kfile *kf = &m->files[idx];
		int inc = model_file_of(m, l.v[i].includer);

		kf->n_inclusions++;
		if (inc >= 0 && !m->files[inc].has_anchor) {
			m->files[inc].anchor = l.v[i].at;
			m->files[inc].has_anchor = true;
		}
		if (kf->role != FILE_HEADER || inc < 0)
			continue;
		if (kf->includer >= 0) {
			if (inc == kf->includer)
				*ARRAY_PUSH(kf->reread, kf->n_reread, kf->cap_reread) =
					line_start(m->files[inc].text, l.v[i].offset);
			continue;
		}
		kf->includer = inc;
		kf->directive_offset = line_start(m->files[inc].text, l.v[i].offset);
		kf->directive = line_text(m->files[inc].text, m->files[inc].len,
					  kf->directive_offset);
	}
	for (size_t i = 0; i < m->n_files; i++)
		compute_key(m, (int)i, m->files[i].role == FILE_PRE_INCLUDE ? pre_seq++ : 0);
	free(l.v);
}

bool model_decl_spells_name(struct model *m, CXCursor decl, int file, const char *name,
			    unsigned *offset, unsigned *end)
{
	size_t pos, is, n, len = strlen(name);
	int f;

	if (!model_decl_range(m, decl, false, &f, offset, end) || f != file || *end <= *offset)
		return false;
	for (pos = *offset; lex_next_ident(m->files[f].text, *end, &pos, &is, &n);)
		if (n == len && !memcmp(m->files[f].text + is, name, n))
			return true;
	return false;
}

bool model_file_in_subtree(const struct model *m, int f, int hdr)
{
	for (; f >= 0; f = m->files[f].includer)
		if (f == hdr)
			return true;
	return false;
}

int model_compare_pos(struct model *m, int fa, unsigned oa, int fb, unsigned ob)
{
	const struct kfile *a = &m->files[fa], *b = &m->files[fb];
	size_t n = a->key_len < b->key_len ? a->key_len : b->key_len;

	if (fa == fb)
		return oa < ob ? -1 : oa > ob;
	for (size_t i = 0; i < n; i++)
		if (a->key[i] != b->key[i])
			return a->key[i] < b->key[i] ? -1 : 1;
	/* one is an ancestor of the other: compare offset in the shorter one */
	if (a->key_len < b->key_len)
		return (long)oa <= b->key[n] ? -1 : 1;
	if (b->key_len < a->key_len)
		return a->key[n] < (long)ob ? -1 : 1;
	return fa < fb ? -1 : 1;
}

/* ---- names in use ---- */

/*
 * names map: identifier -> file of its first declaration (-2: only reserved).
 * First declaration of a name: its file (names) and unit (name_unit). The
 * maps keep key, which lives as long as the model (an entity's name, or a
 * copy note_cursor_unit_name() owns).
 */
static void note_unit_name(struct model *m, const char *key, int file, int unit)
{
	struct maps *mp = maps_of(m);
	int prev;

	if (!key || !*key)
		return;
	prev = strmap_get_or_put(&mp->names, key, file);
	if (prev >= 0)
		return;
	if (prev == -2)
		strmap_put(&mp->names, key, file);
	strmap_put(&mp->name_unit, key, unit);
}

static char *spelled_name(struct model *m, CXCursor c);

/* The name of a typedef or an enumerator, whose location is its name, as the text spells it. */
static bool note_spelled_unit_name(struct model *m, CXCursor c, int file, int unit)
{
	enum CXCursorKind k = clang_getCursorKind(c);
	char *name;

	if (k != CXCursor_TypedefDecl && k != CXCursor_EnumConstantDecl)
		return false;
	name = spelled_name(m, c);
	if (!name)
		return false;
	if (*name && strmap_get(&maps_of(m)->names, name) < 0) {
		strlist_push_owned(&maps_of(m)->owned_names, name);
		note_unit_name(m, name, file, unit);
	} else {
		free(name);
	}
	return true;
}

static void note_cursor_unit_name(struct model *m, CXCursor c, int file, int unit)
{
	CXString s;
	const char *name;
	char *copy;

	/* clang_getCursorSpelling() builds a std::string (spelled_name()) */
	if (note_spelled_unit_name(m, c, file, unit))
		return;
	s = clang_getCursorSpelling(c);
	name = clang_getCString(s);

	if (name && *name && strmap_get(&maps_of(m)->names, name) < 0) {
		copy = xstrdup(name);
		strlist_push_owned(&maps_of(m)->owned_names, copy);
		note_unit_name(m, copy, file, unit);
	}
	clang_disposeString(s);
}

bool model_name_in_use(struct model *m, const char *name)
{
	return strmap_get(&maps_of(m)->names, name) != -1;
}

void model_reserve_name(struct model *m, const char *name)
{
	char *copy;

	if (model_name_in_use(m, name))
		return;
	copy = xstrdup(name);
	strlist_push_owned(&maps_of(m)->owned_names, copy);
	strmap_put(&maps_of(m)->names, copy, -2);
}

const char *model_intern(struct model *m, const char *s)
{
	struct maps *mp = maps_of(m);
	int idx = strmap_get(&mp->interned, s);
	char *copy;

	if (idx >= 0)
		return mp->owned_names.v[idx];
	copy = xstrdup(s);
	strlist_push_owned(&mp->owned_names, copy);
	strmap_put(&mp->interned, copy, (int)mp->owned_names.n - 1);
	return copy;
}

int model_name_unit(struct model *m, const char *name)
{
	return strmap_get(&maps_of(m)->name_unit, name);
}

int model_tag_def_unit(struct model *m, const char *tag)
{
	return strmap_get(&maps_of(m)->tag_def, tag);
}

static bool is_tag_kind(enum CXCursorKind k);

/* The first definition of a tag (the same tag may be defined under #if). */
static void note_tag_def(struct model *m, CXCursor c, int unit)
{
	struct maps *mp = maps_of(m);
	CXString s;
	char *copy;

	if (!is_tag_kind(clang_getCursorKind(c)) || !clang_isCursorDefinition(c))
		return;
	s = clang_getCursorSpelling(c);
	if (*clang_getCString(s) && strmap_get(&mp->tag_def, clang_getCString(s)) < 0) {
		copy = xstrdup(clang_getCString(s));
		strlist_push_owned(&mp->owned_names, copy);
		strmap_put(&mp->tag_def, copy, unit);
	}
	clang_disposeString(s);
}

const char *model_declared_name_n(struct model *m, const char *s, size_t len, int *file)
{
	const char *key = strmap_key_n(&maps_of(m)->names, s, len, file);

	return key && *file >= 0 ? key : NULL;
}

int model_name_file(struct model *m, const char *name)
{
	int f = strmap_get(&maps_of(m)->names, name);

	return f >= 0 ? f : -1;
}

/* ---- macros ---- */

/*
 * A macro definition's cursor location is its name, where its extent
 * starts; the extent's end is asked for later, of a few macros.
 */
static void add_macro_def(struct model *m, CXCursor c)
{
	struct macro_def *md = ARRAY_PUSH(m->macros, m->n_macros, m->cap_macros);
	CXString s = clang_getCursorSpelling(c);
	int idx = (int)m->n_macros - 1, file, prev;
	enum pp_macro_kind kind;

	memset(md, 0, sizeof(*md));
	md->name = xstrdup(clang_getCString(s));	/* cheap for a macro: no std::string */
	clang_disposeString(s);
	md->cursor = c;
	if (!model_locate(m, clang_getCursorLocation(c), &file, &md->start))
		file = -1;
	md->seq = (unsigned)idx;
	md->file = file >= 0 && m->files[file].role != FILE_PRELUDE ? file : -1;
	if (md->file >= 0)
		u64map_add(&maps_of(m)->macro_at, pos_key(md->file, md->start), idx);
	/*
	 * From the text: clang_Cursor_isMacroFunctionLike() looks the name up
	 * at the end of the unit, so it says no of a function-like macro
	 * #undef'd (or redefined object-like) later.
	 */
	kind = md->file >= 0 && m->files[md->file].text ?
	       pp_define_kind(m->files[md->file].text, m->files[md->file].len, md->start) :
	       PP_UNKNOWN;
	md->function_like = kind == PP_UNKNOWN ? clang_Cursor_isMacroFunctionLike(c) != 0
					       : kind == PP_FUNCTION_LIKE;
	md->next_same_name = -1;
	prev = strmap_get_or_put(&maps_of(m)->macro_first, md->name, idx);
	if (prev >= 0) {
		while (m->macros[prev].next_same_name >= 0)
			prev = m->macros[prev].next_same_name;
		m->macros[prev].next_same_name = idx;
	}
	if (md->file >= 0)
		strmap_get_or_put(&maps_of(m)->names, md->name, md->file);
}

/*
 * Read in the text when pp_define_end() can, else libclang's extent. A
 * cache in a const model: the macros array is the model's own.
 */
unsigned model_macro_end(const struct model *m, const struct macro_def *md)
{
	struct macro_def *w = &m->macros[md - m->macros];
	const struct kfile *kf;
	size_t end;
	int file;

	if (w->lazy_end || md->file < 0)
		return w->lazy_end;
	kf = &m->files[md->file];
	if (pp_define_end(kf->text, kf->len, md->start, &end))
		w->lazy_end = (unsigned)end;
	else
		model_locate((struct model *)m, clang_getRangeEnd(clang_getCursorExtent(md->cursor)),
			     &file, &w->lazy_end);
	return w->lazy_end;
}

static void add_macro_use(struct model *m, CXCursor c)
{
	int file;
	unsigned off;
	struct file_uses *u;
	struct macro_use *mu;

	if (!model_locate(m, clang_getCursorLocation(c), &file, &off))
		return;
	u = &m->uses[file];
	mu = ARRAY_PUSH(u->v, u->n, u->cap);
	mu->offset = off;
	mu->end = 0;
	mu->cursor = c;
}

int model_macro_first(struct model *m, const char *name)
{
	return strmap_get(&maps_of(m)->macro_first, name);
}

int model_macro_of_cursor(struct model *m, CXCursor def)
{
	int file, idx;
	unsigned off;
	size_t pos = 0;

	if (clang_Cursor_isNull(def) ||
	    !model_locate(m, clang_getRangeStart(clang_getCursorExtent(def)), &file, &off))
		return -1;
	while (u64map_next(&maps_of(m)->macro_at, pos_key(file, off), &pos, &idx))
		if (m->macros[idx].file == file && m->macros[idx].start == off)
			return idx;
	return -1;
}

/* ---- declaration units ---- */

/*
 * What the text of every definition of the macro named at kf->text[at]
 * says it is: function-like, object-like, or unknown (definitions disagree,
 * a built-in or prelude macro).
 */
static enum pp_macro_kind use_kind(struct model *m, const struct kfile *kf, unsigned at)
{
	enum pp_macro_kind kind = PP_UNKNOWN, k;
	size_t e = pp_ident_end(kf->text, kf->len, at);
	int idx;

	if (!e || !strmap_key_n(&maps_of(m)->macro_first, kf->text + at, e - at, &idx))
		return PP_UNKNOWN;
	for (; idx >= 0; idx = m->macros[idx].next_same_name) {
		const struct macro_def *md = &m->macros[idx];

		if (md->file < 0)
			return PP_UNKNOWN;
		k = pp_define_kind(m->files[md->file].text, m->files[md->file].len, md->start);
		if (k == PP_UNKNOWN || (kind != PP_UNKNOWN && k != kind))
			return PP_UNKNOWN;
		kind = k;
	}
	return kind;
}

/* The end of a macro expansion in file (its extent read in the text when it can be). */
static unsigned use_end(struct model *m, int file, struct macro_use *u)
{
	const struct kfile *kf = &m->files[file];
	size_t end;
	int f;

	if (u->end)
		return u->end;
	if (pp_use_end(kf->text, kf->len, u->offset, PP_UNKNOWN, &end) ||
	    pp_use_end(kf->text, kf->len, u->offset, use_kind(m, kf, u->offset), &end)) {
		u->end = (unsigned)end;
	} else if (!model_locate(m, clang_getRangeEnd(clang_getCursorExtent(u->cursor)), &f,
				 &u->end) || u->end < u->offset) {
		u->end = u->offset;
	}
	return u->end;
}

static int cmp_use(const void *a, const void *b)
{
	const struct macro_use *x = a, *y = b;

	return x->offset < y->offset ? -1 : x->offset > y->offset;
}

/* Index of the last use starting at or before off, or -1. */
static long last_use_before(const struct file_uses *u, unsigned off)
{
	long lo = 0, hi = (long)u->n - 1, best = -1;

	while (lo <= hi) {
		long mid = (lo + hi) / 2;

		if (u->v[mid].offset <= off) {
			best = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	return best;
}

/* Grow [*start, *end) to cover every macro invocation it cuts through. */
static void widen_to_expansions(struct model *m, int file, unsigned *start, unsigned *end)
{
	struct file_uses *u = &m->uses[file];
	bool changed = true;

	while (changed) {
		long i = last_use_before(u, *end ? *end - 1 : 0);

		changed = false;
		for (long k = i; k >= 0 && i - k < 32; k--) {
			unsigned s = u->v[k].offset, e = use_end(m, file, &u->v[k]);

			if (s < *start && e > *start) {
				*start = s;
				changed = true;
			}
			if (s < *end && e > *end) {
				*end = e;
				changed = true;
			}
		}
	}
}

static unsigned skip_space_and_comments(const char *t, size_t len, unsigned off)
{
	while (off < len) {
		if (t[off] == ' ' || t[off] == '\t' || t[off] == '\n' || t[off] == '\r') {
			off++;
		} else if (t[off] == '/' && off + 1 < len && t[off + 1] == '/') {
			while (off < len && t[off] != '\n')
				off++;
		} else if (t[off] == '/' && off + 1 < len && t[off + 1] == '*') {
			char *e = memmem(t + off + 2, len - off - 2, "*/", 2);

			off = e ? (unsigned)(e - t) + 2 : (unsigned)len;
		} else {
			break;
		}
	}
	return off;
}

static bool is_tag_kind(enum CXCursorKind k)
{
	return k == CXCursor_StructDecl || k == CXCursor_UnionDecl || k == CXCursor_EnumDecl;
}

/* "} __randomize_layout;": attribute macros between a tag's '}' and its ';'. */
static unsigned skip_trailing_attributes(const struct kfile *kf, unsigned off)
{
	for (;;) {
		int depth = 0;

		off = skip_space_and_comments(kf->text, kf->len, off);
		if (off >= kf->len || !is_ident_start((unsigned char)kf->text[off]))
			return off;
		while (off < kf->len && is_ident_char((unsigned char)kf->text[off]))
			off++;
		off = skip_space_and_comments(kf->text, kf->len, off);
		if (off >= kf->len || kf->text[off] != '(')
			continue;
		do {
			depth += kf->text[off] == '(';
			depth -= kf->text[off] == ')';
			off++;
		} while (off < kf->len && depth > 0);
	}
}

/* model_decl_range() with c's extent r, which index_decl() has already. */
static bool decl_range(struct model *m, CXCursor c, CXSourceRange r, bool with_semicolon,
		       int *file, unsigned *start, unsigned *end)
{
	const struct kfile *kf;
	unsigned semi;
	int f2;

	if (!model_locate_expansion(m, clang_getRangeStart(r), file, start))
		return false;
	if (!model_locate(m, clang_getRangeEnd(r), &f2, end) || f2 != *file || *end < *start) {
		if (!model_locate_expansion(m, clang_getRangeEnd(r), &f2, end) || f2 != *file)
			return false;
	}
	if (*end <= *start)
		*end = *start + 1;	/* wholly inside one macro invocation */
	widen_to_expansions(m, *file, start, end);
	kf = &m->files[*file];
	if (!with_semicolon)
		return true;
	semi = is_tag_kind(clang_getCursorKind(c)) ? skip_trailing_attributes(kf, *end) :
		skip_space_and_comments(kf->text, kf->len, *end);
	/* "f(...) __acquires(x);": annotation macros that expand to nothing
	 * end a function declaration (not a definition: "} EXPORT_SYMBOL(f);")
	 * after clang's extent; so do attributes clang folds into a typedef's
	 * or object's type ("typedef int v4 __attribute__((vector_size(16)));") */
	if (semi < kf->len && kf->text[semi] != ';' && kf->text[semi] != ',' &&
	    ((clang_getCursorKind(c) == CXCursor_FunctionDecl && !clang_isCursorDefinition(c)) ||
	     clang_getCursorKind(c) == CXCursor_TypedefDecl ||
	     clang_getCursorKind(c) == CXCursor_VarDecl)) {
		unsigned after = skip_trailing_attributes(kf, *end);

		if (after < kf->len && kf->text[after] == ';')
			semi = after;
	}
	if (semi < kf->len && kf->text[semi] == ';')
		*end = semi + 1;
	return true;
}

bool model_decl_range(struct model *m, CXCursor c, bool with_semicolon, int *file,
		      unsigned *start, unsigned *end)
{
	return decl_range(m, c, clang_getCursorExtent(c), with_semicolon, file, start, end);
}

static bool reread_by_main(const struct model *m, const struct kfile *kf)
{
	return kf->n_reread && m->files[kf->includer].role == FILE_MAIN;
}

static int add_unit(struct model *m, int file, unsigned start, unsigned end, unsigned base)
{
	struct kfile *kf = &m->files[file];
	struct unit *u;

	if (kf->n_units) {
		u = &m->units[kf->units[kf->n_units - 1]];
		/* the same text read again (a template header) is another unit */
		if (start < u->end && end > u->start && !(reread_by_main(m, kf) && base != u->base)) {
			if (start < u->start)
				u->start = start;
			if (end > u->end)
				u->end = end;
			return kf->units[kf->n_units - 1];
		}
	}
	u = ARRAY_PUSH(m->units, m->n_units, m->cap_units);
	memset(u, 0, sizeof(*u));
	u->file = file;
	u->start = start;
	u->end = end;
	u->seq = (unsigned)m->n_units - 1;
	u->base = base;
	*ARRAY_PUSH(kf->units, kf->n_units, kf->cap_units) = (int)m->n_units - 1;
	return (int)m->n_units - 1;
}

int model_unit_at(struct model *m, int file, unsigned offset)
{
	const struct kfile *kf = &m->files[file];
	long lo = 0, hi = (long)kf->n_units - 1;

	while (lo <= hi) {
		long mid = (lo + hi) / 2;
		const struct unit *u = &m->units[kf->units[mid]];

		if (offset < u->start)
			hi = mid - 1;
		else if (offset >= u->end)
			lo = mid + 1;
		else
			return kf->units[mid];
	}
	return -1;
}

/* ---- entities ---- */

int model_entity_of(struct model *m, CXCursor c)
{
	CXCursor canon = clang_getCanonicalCursor(c);
	size_t pos = 0;
	int idx;

	while (u64map_next(&maps_of(m)->ent_of, clang_hashCursor(canon), &pos, &idx))
		if (clang_equalCursors(m->ents[idx].canonical, canon))
			return idx;
	return -1;
}

/*
 * A map, not a scan of every entity (31 M instructions on kernel/fork.c):
 * the index only adds entities after the model is built, and those have no
 * definition of their own (local statics, originals).
 */
int model_function_defined(struct model *m, const char *name)
{
	struct maps *mp = maps_of(m);

	for (; mp->fun_def_seen < m->n_ents; mp->fun_def_seen++) {
		const struct entity *e = &m->ents[mp->fun_def_seen];

		if (e->kind == ENT_FUNCTION && e->def_unit >= 0)
			strmap_get_or_put(&mp->fun_def, e->name, (int)mp->fun_def_seen);
	}
	return strmap_get(&mp->fun_def, name);
}

/*
 * A function's or variable's name as the model's text spells it at its
 * location: clang_getCursorSpelling() builds it through a std::string (about
 * 860 instructions a call, 11,000 calls on fs/namei.c). NULL when it is not
 * plainly spelled there (a macro made it, a line splice, a UCN or a
 * non-ASCII character follows): libclang is asked then.
 */
static char *spelled_name(struct model *m, CXCursor c)
{
	CXSourceLocation loc = clang_getCursorLocation(c);
	const struct kfile *kf;
	unsigned off, end;
	int file;

	/* clang marks a location inside a macro expansion by the top bit */
	if ((loc.int_data & 0x80000000u) || !model_locate(m, loc, &file, &off))
		return NULL;
	kf = &m->files[file];
	if (off >= kf->len || !is_ident_start((unsigned char)kf->text[off]))
		return NULL;
	for (end = off; end < kf->len && is_ident_char((unsigned char)kf->text[end]); end++)
		;
	if (end < kf->len && (kf->text[end] == '\\' || (unsigned char)kf->text[end] >= 0x80))
		return NULL;
	return xstrndup(kf->text + off, end - off);
}

static char *decl_name(struct model *m, CXCursor c)
{
	char *name = spelled_name(m, c);
	CXString s;

	if (name)
		return name;
	s = clang_getCursorSpelling(c);
	name = xstrdup(clang_getCString(s));
	clang_disposeString(s);
	return name;
}

static int new_entity(struct model *m, CXCursor c, enum entity_kind kind)
{
	struct entity *e = ARRAY_PUSH(m->ents, m->n_ents, m->cap_ents);
	int idx = (int)m->n_ents - 1;

	memset(e, 0, sizeof(*e));
	e->kind = kind;
	e->name = decl_name(m, c);
	e->canonical = clang_getCanonicalCursor(c);
	e->def = clang_getNullCursor();
	e->def_unit = -1;
	e->internal = clang_getCursorLinkage(c) == CXLinkage_Internal;
	u64map_add(&maps_of(m)->ent_of, clang_hashCursor(e->canonical), idx);
	return idx;
}

int model_entity_add_local(struct model *m, CXCursor var)
{
	int idx = model_entity_of(m, var);

	if (idx >= 0)
		return idx;
	idx = new_entity(m, var, ENT_OBJECT);
	m->ents[idx].local_static = true;
	m->ents[idx].internal = true;
	m->ents[idx].def = var;
	return idx;
}

/*
 * The running original of function idx, one entity per function: reached
 * only through the sites that take idx's address, so it is decided and
 * named like any function to externalize. Not in the cursor map: the
 * cursor stays idx's. It has idx's declarations, not its definition (lp.c
 * defines the patched function, or the split one's copy, not this one).
 */
int model_entity_original(struct model *m, int idx)
{
	struct entity *e;

	for (size_t i = 0; i < m->n_ents; i++)
		if (m->ents[i].orig_address && m->ents[i].orig_of == idx)
			return (int)i;
	e = ARRAY_PUSH(m->ents, m->n_ents, m->cap_ents);
	memset(e, 0, sizeof(*e));
	e->kind = ENT_FUNCTION;
	e->name = xstrdup(m->ents[idx].name);
	e->canonical = m->ents[idx].canonical;
	e->def = clang_getNullCursor();	/* lp.c does not define it */
	e->def_unit = -1;
	e->internal = m->ents[idx].internal;
	e->n_decl_units = e->cap_decl_units = m->ents[idx].n_decl_units;
	e->decl_units = xmalloc((e->n_decl_units + 1) * sizeof(int));
	memcpy(e->decl_units, m->ents[idx].decl_units, e->n_decl_units * sizeof(int));
	e->orig_address = true;
	e->orig_of = idx;
	return (int)m->n_ents - 1;
}

static bool is_tentative_definition(CXCursor c)
{
	return clang_getCursorKind(c) == CXCursor_VarDecl &&
	       clang_Cursor_getStorageClass(c) != CX_SC_Extern;
}

/* Returns the entity, or -1 for declarations that are no function or object. */
static int note_entity_decl(struct model *m, CXCursor c, int unit)
{
	enum CXCursorKind k = clang_getCursorKind(c);
	struct entity *e;
	bool is_def;
	int idx;

	if (k != CXCursor_FunctionDecl && k != CXCursor_VarDecl)
		return -1;
	idx = model_entity_of(m, c);
	if (idx < 0)
		idx = new_entity(m, c, k == CXCursor_FunctionDecl ? ENT_FUNCTION : ENT_OBJECT);
	e = &m->ents[idx];
	if (!e->n_decl_units || e->decl_units[e->n_decl_units - 1] != unit)
		/* four: malloc's smallest block; most have one or two */
		*ARRAY_PUSH_FIRST(e->decl_units, e->n_decl_units, e->cap_decl_units, 4) = unit;
	is_def = clang_isCursorDefinition(c);
	if (is_def || (e->def_unit < 0 && is_tentative_definition(c))) {
		if (is_def || clang_Cursor_isNull(e->def)) {
			e->def = c;
			e->def_unit = unit;
		}
	}
	return idx;
}

struct enum_ctx {
	struct model *m;
	int file, unit;
};

static enum CXChildVisitResult note_enumerator(CXCursor c, CXCursor parent, CXClientData data)
{
	struct enum_ctx *ec = data;

	if (clang_getCursorKind(c) == CXCursor_EnumConstantDecl)
		note_cursor_unit_name(ec->m, c, ec->file, ec->unit);
	return CXChildVisit_Continue;
}

/*
 * libclang's visit of the unit's children (clang_visitChildren() asks its
 * cursor visitor for the preprocessing record first) gives every macro
 * definition and expansion before the first declaration: the declarations
 * are indexed as they come, once the expansions are sorted (their ranges
 * are widened to cover expansions), not kept in an array for later.
 */
struct top_visit {
	struct model *m;
	bool in_decls;		/* a declaration came: the macros are all known */
	bool disordered;	/* a macro came after a declaration */
};

static void index_decl(struct model *m, CXCursor c);

static void sort_uses(struct model *m)
{
	for (size_t i = 0; i < m->n_files; i++)
		if (m->uses[i].n > 1)
			sort_unless_sorted(m->uses[i].v, m->uses[i].n, sizeof(struct macro_use), cmp_use);
}

static enum CXChildVisitResult visit_top(CXCursor c, CXCursor parent, CXClientData data)
{
	struct top_visit *tv = data;
	struct model *m = tv->m;
	enum CXCursorKind k = clang_getCursorKind(c);
	bool macro = k == CXCursor_MacroDefinition || k == CXCursor_MacroExpansion;

	if (macro && tv->in_decls) {
		tv->disordered = true;
		return CXChildVisit_Break;
	}
	if (k == CXCursor_MacroDefinition) {
		add_macro_def(m, c);
	} else if (k == CXCursor_MacroExpansion) {
		add_macro_use(m, c);
	} else if (clang_isDeclaration(k)) {
		if (!tv->in_decls)
			sort_uses(m);
		tv->in_decls = true;
		index_decl(m, c);
	}
	return CXChildVisit_Continue;
}

/*
 * Where the inclusion that c's text came from starts in clang's location
 * space: clang numbers every byte of every file inclusion in one sequence,
 * so a file location minus its offset in the file is the same for all the
 * text of one inclusion, and larger for a later inclusion of the header
 * (libclang has no call naming the #include a location came through).
 * 0 for locations in macro expansions (clang sets their top bit).
 */
static unsigned reread_base(CXSourceRange extent)
{
	CXSourceLocation loc = clang_getRangeStart(extent);
	unsigned off;

	if (loc.int_data & 0x80000000u)
		return 0;
	clang_getSpellingLocation(loc, NULL, NULL, NULL, &off);
	return loc.int_data > off ? loc.int_data - off : 0;
}

static int cmp_unsigned(const void *a, const void *b)
{
	unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;

	return x < y ? -1 : x > y;
}

/*
 * Units of a header read again (no guard, #included twice by one file)
 * that came from a later reading: the k-th distinct inclusion start among
 * the header's units is its k-th #include (an inclusion without units of
 * its own shifts the later ones: they go to the last #include).
 */
static void index_rereads(struct model *m)
{
	for (size_t f = 0; f < m->n_files; f++) {
		struct kfile *kf = &m->files[f];
		unsigned *b = xcalloc(kf->n_units + 1, sizeof(*b));
		size_t n = 0;

		for (size_t i = 0; kf->n_reread && i < kf->n_units; i++)
			if (m->units[kf->units[i]].base)
				b[n++] = m->units[kf->units[i]].base;
		qsort(b, n, sizeof(*b), cmp_unsigned);
		for (size_t i = 0; n && i < kf->n_units; i++) {
			struct unit *u = &m->units[kf->units[i]];
			size_t k = 0;

			for (size_t j = 1; j < n && b[j] <= u->base; j++)
				k += b[j] != b[j - 1];
			if (k)
				u->reread_at = kf->reread[k <= kf->n_reread ? k - 1 : kf->n_reread - 1];
		}
		free(b);
	}
}

static void index_decl(struct model *m, CXCursor c)
{
	CXSourceRange r = clang_getCursorExtent(c);	/* asked once: not cheap */
	int file, unit, ent;
	unsigned start, end;
	struct unit *u;

	if (!decl_range(m, c, r, true, &file, &start, &end))
		return;
	if (m->files[file].role == FILE_PRELUDE)
		return;
	unit = add_unit(m, file, start, end, reread_base(r));
	u = &m->units[unit];
	/* nearly every unit is one declaration (12,666 in 11,869 units on fs/read_write.c) */
	*ARRAY_PUSH_FIRST(u->cursors, u->n_cursors, u->cap_cursors, 1) = c;
	ent = note_entity_decl(m, c, unit);
	note_tag_def(m, c, unit);
	if (ent >= 0)
		note_unit_name(m, m->ents[ent].name, file, unit);
	else
		note_cursor_unit_name(m, c, file, unit);
	if (clang_getCursorKind(c) == CXCursor_EnumDecl) {
		struct enum_ctx ec = { m, file, unit };

		clang_visitChildren(c, note_enumerator, &ec);
	}
}

static void index_diagnostics(struct model *m)
{
	unsigned n = clang_getNumDiagnostics(m->tu);

	for (unsigned i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(m->tu, i);
		struct diag_rec *r;
		CXString s;
		CXFile f;

		if (clang_getDiagnosticSeverity(d) < CXDiagnostic_Error) {
			clang_disposeDiagnostic(d);
			continue;
		}
		r = ARRAY_PUSH(m->diags, m->n_diags, m->cap_diags);
		memset(r, 0, sizeof(*r));
		clang_getFileLocation(clang_getDiagnosticLocation(d), &f, &r->line, &r->col,
				      &r->offset);
		r->file = model_file_of(m, f);
		s = clang_formatDiagnostic(d, CXDiagnostic_DisplaySourceLocation |
					      CXDiagnostic_DisplayColumn);
		r->text = xstrdup(clang_getCString(s));
		r->is_error = true;
		clang_disposeString(s);
		s = clang_getDiagnosticSpelling(d);
		r->missing_include = strstr(clang_getCString(s), "' file not found") != NULL;
		clang_disposeString(s);
		clang_disposeDiagnostic(d);
	}
}

static struct model *sort_model;

static int cmp_unit_start(const void *a, const void *b)
{
	const struct unit *x = &sort_model->units[*(const int *)a];
	const struct unit *y = &sort_model->units[*(const int *)b];

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Declarations arrive in TU order, which is file order except in odd cases. */
static void sort_file_units(struct model *m)
{
	sort_model = m;
	for (size_t i = 0; i < m->n_files; i++)
		if (m->files[i].n_units > 1)
			sort_unless_sorted(m->files[i].units, m->files[i].n_units, sizeof(int),
					   cmp_unit_start);
}

int model_build(struct model *m, CXTranslationUnit tu, const struct gcc_cmdline *cl)
{
	struct top_visit tv = { m, false, false };

	memset(m, 0, sizeof(*m));
	m->tu = tu;
	m->maps = xcalloc(1, sizeof(struct maps));
	index_files(m);
	if (m->main_file < 0) {
		diag_error("%s: libclang did not report the main file", cl->input);
		return -1;
	}
	m->idents = idents_start(m);	/* lexes while the rest is built */
	m->uses = xcalloc(m->n_files, sizeof(*m->uses));
	clang_visitChildren(clang_getTranslationUnitCursor(tu), visit_top, &tv);
	if (tv.disordered) {
		diag_error("%s: internal error: libclang visited a macro after a declaration",
			   cl->input);
		return -1;
	}
	if (!tv.in_decls)
		sort_uses(m);
	sort_file_units(m);
	index_rereads(m);
	index_diagnostics(m);
	return 0;
}

void model_release(struct model *m)
{
	struct maps *mp = m->maps;

	for (size_t i = 0; i < m->n_files; i++) {
		free(m->files[i].name);
		free(m->files[i].reread);
		free(m->files[i].directive);
		free(m->files[i].key);
		free(m->files[i].units);
		free(m->files[i].idents);
		free(m->files[i].line_starts);
		if (m->files[i].dirs)
			directives_release(m->files[i].dirs);
		free(m->files[i].dirs);
		if (m->uses)
			free(m->uses[i].v);
	}
	idents_release(m->idents);
	free(m->files);
	free(m->uses);
	for (size_t i = 0; i < m->n_units; i++)
		free(m->units[i].cursors);
	free(m->units);
	for (size_t i = 0; i < m->n_ents; i++) {
		free(m->ents[i].name);
		free(m->ents[i].decl_units);
		free(m->ents[i].new_name);
	}
	free(m->ents);
	for (size_t i = 0; i < m->n_macros; i++)
		free(m->macros[i].name);
	free(m->macros);
	for (size_t i = 0; i < m->n_diags; i++)
		free(m->diags[i].text);
	free(m->diags);
	free(m->fwd);
	free(m->sites);
	free(m->undefs);
	for (size_t i = 0; i < m->n_body_refs; i++)
		free(m->body_refs[i].v);
	free(m->body_refs);
	if (mp) {
		u64map_release(&mp->file_of);
		u64map_release(&mp->ent_of);
		u64map_release(&mp->macro_at);
		strmap_release(&mp->macro_first);
		strmap_release(&mp->names);
		strmap_release(&mp->interned);
		strmap_release(&mp->name_unit);
		strmap_release(&mp->tag_def);
		strmap_release(&mp->fun_def);
		strlist_release(&mp->owned_names);
		strlist_release(&mp->texts);
		for (size_t i = 0; mp->skipped && i < mp->n_skipped; i++)
			free(mp->skipped[i].v);
		free(mp->skipped);
		free(mp);
	}
	memset(m, 0, sizeof(*m));
}

struct descendant_search {
	enum CXCursorKind kind;
	bool found;
};

static enum CXChildVisitResult find_kind(CXCursor c, CXCursor parent, CXClientData data)
{
	struct descendant_search *ds = data;

	(void)parent;
	if (clang_getCursorKind(c) != ds->kind)
		return CXChildVisit_Recurse;
	ds->found = true;
	return CXChildVisit_Break;
}

bool cursor_has_descendant(CXCursor c, enum CXCursorKind kind)
{
	struct descendant_search ds = { kind, false };

	clang_visitChildren(c, find_kind, &ds);
	return ds.found;
}
