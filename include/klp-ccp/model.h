/*
 * The entity index of one translation unit (stage "index") and the closure
 * plan built on it (stage "closure"). Plain arrays indexed by int; -1 is
 * "none".
 */
#ifndef KLP_CCP_MODEL_H
#define KLP_CCP_MODEL_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>
#include <clang-c/Index.h>

#include "klp-ccp/util.h"

enum file_role { FILE_MAIN, FILE_HEADER, FILE_PRE_INCLUDE, FILE_PRELUDE };

/* A declared identifier of a file (headers.c) and model_name_file() of it. */
struct file_ident {
	const char *name;
	int decl_file;
	int tag_unit;			/* model_tag_def_unit(name), */
	int macro_first;		/* model_macro_first(name): asked once */
};

struct kfile {
	CXFile cxfile;
	char *name;			/* as clang names it */
	const char *text;		/* clang's buffer, not owned */
	size_t len;
	enum file_role role;
	int includer;			/* file that #included it, -1 none */
	unsigned directive_offset;	/* of the '#' of that #include */
	char *directive;		/* text of that #include line */
	unsigned *reread;		/* later #includes of it by the same file that */
	size_t n_reread, cap_reread;	/* entered it again (no guard): their offsets */
	long *key;			/* inclusion path: offsets from the main file down */
	size_t key_len;
	int *units;			/* unit indices, by start offset */
	struct directives *dirs;	/* its directive lines, see model_directives() */
	size_t n_units, cap_units;
	/* closure state */
	int eligible;			/* may-include-header answer, -1 not asked */
	int provider;			/* file to #include to get this one, -1: copy from it */
	bool provider_done;
	bool needed;			/* provider of something the output needs */
	bool context_scanned;		/* headers.c looked at what it needs */
	struct file_ident *idents;	/* its distinct declared identifiers (headers.c), */
	size_t n_idents;		/* once lexed; the model owns the strings */
	bool idents_lexed;
	bool refused;			/* non-eligible: it clashes with the output */
	/* model_line_of(), model_presumed(): see entities.c */
	unsigned *line_starts;		/* offset of each line's first byte */
	size_t n_lines;
	signed char lines_plain;	/* 1 counted in the text, -1 ask clang, 0 not known yet */
	signed char presumed_plain;	/* 1 no #line: the presumed name is presumed_name */
	const char *presumed_name;
	CXSourceLocation anchor;	/* some location in the file (an #include in it) */
	bool has_anchor;
	unsigned n_inclusions;		/* times clang entered the file */
};

struct unit {
	int file;
	unsigned start, end;		/* byte range in file, with the trailing ';' */
	unsigned seq;			/* order of appearance in the TU */
	CXCursor *cursors;		/* top-level declarations in the range */
	size_t n_cursors, cap_cursors;
	unsigned base;			/* its inclusion's start in clang's location space, 0 unknown */
	unsigned reread_at;		/* from a later reading of its header: the offset
					   of that #include in the includer, else 0 */
	/* closure state */
	bool copy;			/* emitted as original text */
	bool walked;
};

enum entity_kind { ENT_FUNCTION, ENT_OBJECT };

enum decision {
	DEC_NONE,		/* not reached */
	DEC_PATCHED,		/* definition copied under the patched name */
	DEC_COPY,		/* definition copied */
	DEC_EXTERNALIZE,	/* declared, bound to the running binary */
	DEC_HEADER,		/* available from an #included header */
	DEC_LOCAL_KEEP,		/* function-local static kept inside its copied function */
	DEC_DECLARE,		/* only named in unevaluated operands: declared, original name */
};

/*
 * A kernel unit has ten thousand entities and more: the fields go by size,
 * with no padding between them. The index's fields come first; the walk's
 * start at address_taken (ENTITY_WALK_FIELDS: what closure.c restores when
 * it walks again).
 */
struct entity {
	/* the index's (entities.c): set when the entity is made, not changed after */
	char *name;
	CXCursor canonical;
	CXCursor def;			/* definition (or tentative one), null cursor if none */
	int *decl_units;		/* all units declaring it, TU order */
	size_t n_decl_units, cap_decl_units;
	enum entity_kind kind;
	int def_unit;			/* -1 */
	bool internal;			/* internal linkage */
	bool local_static;		/* static object inside a function */
	/* the closure's, and what it learns (binary facts, hooks) */
	bool address_taken;
	bool uneval_ref;		/* named in an unevaluated operand (sizeof, typeof...) */
	bool pointer;			/* externalized as pointer */
	bool make_static, make_extern;	/* linkage edits on copied definitions */
	bool rewritten;
	bool needs_decl;		/* externalized: emit a declaration */
	bool ipa_added;			/* patched because it contains a patched function's code */
	bool ipa_removed;		/* patched, but no body of its own in the binary (GCC
					   inlined it everywhere): copied for its callers */
	bool from_patch;		/* derived from --patch */
	bool absent;			/* binary facts/IPA dump: no out-of-line body runs */
	bool ext_allowed;		/* can-externalize-fun said YES */
	bool cold;			/* binary facts: GCC placed it in .text.unlikely */
	bool noinline;			/* binary facts: called out of line (out_of_line.c) */
	bool noclone;			/* noinline(_early), and the target has no clone of it either */
	bool noinline_early;		/* the same for a header's inline: declared before the includes */
	bool keep_body;			/* binary facts: a copy whose body the original kept, called
					   by (or inlined into) a livepatch function: declared used (out_of_line.c) */
	bool clone_free;		/* binary facts: a copy the target has under its own name,
					   never cloned, not noinline: declared noclone (out_of_line.c) */
	bool inline_body;		/* DEC_COPY of a global function only header inlines call,
					   as "extern inline gnu_inline": GCC may inline it as the
					   target did, other calls go to the running one (closure.c) */
	bool ipa_split;			/* --ipa-clones: GCC split it (NAME.part.N), no .isra/.constprop;
					   also when the part was inlined back and left no symbol */
	bool ipa_cloned;		/* --ipa-clones: GCC made a clone of it (.part, .constprop...),
					   maybe inlined back and gone */
	bool split_callers;		/* binary facts: split in the original (split_callers.c) */
	bool split_back;		/* split_callers, but only the dump shows the split: the part
					   was inlined back into all callers (one call, not two) */
	bool opaque_caller;		/* noinline, unspecialized: called with unknown arguments (split_callers.c) */
	unsigned char cold_calls;	/* split_callers.c: calls of a header inline in a cold
					   never-called caller, standing for the unit's others */
	bool cold_body;			/* binary facts: a patched function both inlined and called it,
					   its body had callers lp.c lacks: a cold caller stands for
					   them (out_of_line.c, split_callers.c) */
	signed char visible;		/* declared_visible() once: 0 not asked yet, 1 no, 2 yes */
	signed char header_state;	/* header_state.c's finding, once */
	/* header_refs.c: an included header's inline references it under its own name */
	bool header_ref;
	bool header_called;		/* such an inline names it, exported or not (self_define.c) */
	/* model_entity_original(): the running instance of patched function orig_of
	   (or of a static one split from its address, addr_split.c), which copied
	   code taking orig_of's address names (closure.c) */
	bool orig_address;
	bool orig_unbound;		/* it cannot be referenced: those sites keep orig_of */
	/* on a patched function: copied code takes its address in a macro's
	   expansion (closure.c), so references macros make name the original */
	bool orig_via_macro;
	enum decision decision;
	unsigned sympos;		/* binary facts: position among same-named locals, or 0 */
	int orig_of;			/* orig_address: see there */
	CXSourceLocation address_loc;
	char *new_name;			/* NULL: keeps its name */
	const char *ipa_contains;	/* ipa_added: whose code (", "-joined, model_intern) */
	uint64_t align;			/* binary facts: alignment of the running symbol's address */
	const char *caller_args;	/* split_callers.c: the never-called caller's arguments, with
					   the constants the calls lp.c lacks all pass; NULL: none */
	const char *asm_name;		/* binary facts: symbol of a function's static (x.N) */
	const char *object;		/* binary facts: object holding the symbol, or NULL */
	const char *header_via;		/* header_ref: that inline */
};

/* The walk's fields of an entity: the bytes from here to its end. */
#define ENTITY_WALK_FIELDS offsetof(struct entity, address_taken)

/* One per #define of the unit (15,000 on fs/read_write.c): no padding. */
struct macro_def {
	char *name;
	int file;			/* -1: builtin or command line */
	unsigned start;			/* extent: "NAME body", its end: model_macro_end() */
	unsigned lazy_end;		/* 0 until model_macro_end() computed it */
	int next_same_name;		/* chain, -1 end */
	CXCursor cursor;		/* the definition */
	unsigned seq;
	bool function_like;
	bool needed;
};

struct macro_use {
	unsigned offset;
	unsigned end;			/* 0 until computed */
	CXCursor cursor;		/* the expansion */
};

struct file_uses {
	struct macro_use *v;
	size_t n, cap;
};

struct diag_rec {
	int file;
	unsigned offset, line, col;
	char *text;
	bool is_error;
	bool missing_include;	/* an #include whose file clang did not find */
};

/* A tag that needs only a forward declaration ("struct foo;"). */
struct fwd_tag {
	CXCursor cursor;
	int unit;		/* position: unit of its first declaration */
	bool emitted;
};

enum site_kind {
	SITE_REF,		/* identifier referring to the entity */
	SITE_DECL_NAME,		/* the name in one of its declarations */
	SITE_LOCAL_DECL,	/* whole declaration of a function-local static */
};

/* A place in copied text that may need an edit once names are final. */
struct site {
	int unit, entity;
	enum site_kind kind;
	unsigned offset, end;		/* in the unit's file */
	bool in_text;			/* false: produced by a macro body */
	CXSourceLocation loc;
};

/* The functions and objects a function body evaluates, in order (header_refs.c). */
struct body_refs {
	int *v;
	size_t n, cap;
	bool known;
};

struct model {
	CXTranslationUnit tu;
	const char *cwd;
	/* --patch: locations in the scratch copy (one "#line 1" line longer) are the user's source's */
	const char *patched_copy, *user_source;
	struct kfile *files;
	size_t n_files, cap_files;
	struct unit *units;
	size_t n_units, cap_units;
	struct entity *ents;
	size_t n_ents, cap_ents;
	struct macro_def *macros;
	size_t n_macros, cap_macros;
	struct file_uses *uses;		/* per file, macro expansions by offset */
	struct diag_rec *diags;
	size_t n_diags, cap_diags;
	struct fwd_tag *fwd;
	size_t n_fwd, cap_fwd;
	struct site *sites;
	size_t n_sites, cap_sites;
	void *maps;			/* private lookup tables (entities.c) */
	struct ident_lists *idents;	/* each file's identifiers (idents.h) */
	struct body_refs *body_refs;	/* per entity, header_refs.c's memo */
	size_t n_body_refs;
	struct model_undef *undefs;	/* see model_undefs() */
	size_t n_undefs, cap_undefs;
	bool undefs_read;
	int main_file;
};

/* index */
struct gcc_cmdline;
int model_build(struct model *m, CXTranslationUnit tu, const struct gcc_cmdline *cl);
void model_release(struct model *m);
int model_file_of(struct model *m, CXFile f);		/* -1 if unknown */
/* Location -> file index and offset (file location); false if not in a file. */
bool model_locate(struct model *m, CXSourceLocation loc, int *file, unsigned *offset);
bool model_locate_expansion(struct model *m, CXSourceLocation loc, int *file, unsigned *offset);
/* Text range of a declaration, widened over macro invocations it cuts through. */
bool model_decl_range(struct model *m, CXCursor c, bool with_semicolon, int *file,
		      unsigned *start, unsigned *end);
int model_unit_at(struct model *m, int file, unsigned offset);	/* -1 */
int model_entity_of(struct model *m, CXCursor c);		/* -1: not a tracked entity */
int model_function_defined(struct model *m, const char *name);	/* entity, -1 */
int model_entity_add_local(struct model *m, CXCursor var);	/* function-local static */
int model_entity_original(struct model *m, int patched);	/* see entity.orig_address */
int model_macro_first(struct model *m, const char *name);	/* -1 */
/*
 * The end of the extent of the definition md (of m->macros, in a file):
 * computed on the first call (most of a unit's macros are never looked at).
 */
unsigned model_macro_end(const struct model *m, const struct macro_def *md);
int model_macro_of_cursor(struct model *m, CXCursor def);	/* -1 */
bool model_name_in_use(struct model *m, const char *name);
void model_reserve_name(struct model *m, const char *name);
int model_name_file(struct model *m, const char *name);	/* first declaring file, -1 */
/*
 * The model's copy of the len bytes at s when model_name_file() of it is
 * >= 0 (in *file), else NULL.
 */
const char *model_declared_name_n(struct model *m, const char *s, size_t len, int *file);
int model_name_unit(struct model *m, const char *name);	/* first declaring unit, -1 */
/* Unit defining struct/union/enum tag (its first definition), or -1. */
int model_tag_def_unit(struct model *m, const char *tag);
const char *model_intern(struct model *m, const char *s);	/* lives as long as m */
int model_compare_pos(struct model *m, int fa, unsigned oa, int fb, unsigned ob);
/*
 * Does decl's own text in file spell name as an identifier (a static a
 * macro body declares does not)? *offset, *end: its range, when found.
 */
bool model_decl_spells_name(struct model *m, CXCursor decl, int file, const char *name,
			    unsigned *offset, unsigned *end);
/* f is hdr or a file hdr includes, directly or not. */
bool model_file_in_subtree(const struct model *m, int f, int hdr);
/* Does a cursor below c (not c itself) have that kind? */
bool cursor_has_descendant(CXCursor c, enum CXCursorKind kind);
unsigned model_line_of(struct model *m, int file, unsigned offset);
/*
 * clang_getLocation(tu, file, line, 1) for the file of loc, a location in a
 * file (not in a macro expansion), without clang's look-up: false when the
 * model cannot tell it (loc in a macro expansion, a file included more than
 * once, lines not counted in the text).
 */
bool model_line_location(struct model *m, CXSourceLocation loc, unsigned line,
			 CXSourceLocation *out);

/* Directive lines of a file (computed once), each marked active or skipped. */
struct directives;
const struct directives *model_directives(struct model *m, int file);

/* The active #undef lines of the unit (src/undefs.c), found once. */
struct model_undef {
	const char *name;	/* in its file's text */
	size_t n;
	int file;
	unsigned off;		/* of its line */
};
const struct model_undef *model_undefs(struct model *m, size_t *n);

/* Presumed (file, line) of a byte offset: what #line must say. Returns the
 * file name (lives as long as m). */
const char *model_presumed(struct model *m, int file, unsigned offset, unsigned *line);

#endif
