/*
 * The original compiler command line, and what libclang needs to see exactly
 * what GCC saw (DESIGN.md section 1).
 */
#ifndef KLP_CCP_GCC_CMDLINE_H
#define KLP_CCP_GCC_CMDLINE_H

#include <stdbool.h>
#include <stddef.h>
#include <clang-c/Index.h>
#include "klp-ccp/util.h"

struct gcc_cmdline {
	char *compiler;		/* program for GCC probes ("gcc" if none given) */
	char *input;		/* the C source file, as given */
	struct strlist args;	/* original argv after @file expansion, minus the compiler */
	struct strlist pre_includes;	/* -include FILE, in order, as given */
	struct strlist defines;		/* "-DX=1" / "-UX" in order, as given */
	bool nostdinc;
	bool uses_lto;			/* -flto seen */
	char *live_patching;		/* -flive-patching=VALUE or NULL */
	char *compiler_version;		/* VERSION of -c ARCH-gcc-VERSION, or NULL */
	char *compiler_arch;		/* ARCH of -c ARCH-gcc-VERSION, or NULL */
	struct strlist target_flags;	/* original flags that matter to GCC's macros and paths */
	struct strlist parse_flags;	/* whitelisted original flags for clang, in order */

	/* Filled by gcc_cmdline_prepare(): */
	char *prelude;			/* text of the prelude header */
	struct strlist clang_args;	/* for clang_parseTranslationUnit, without the input */
	char *gcc_version;		/* what the compiler reports, e.g. "12.2.0" */
	char *gcc_target;		/* its target triple, e.g. "x86_64-linux-gnu" */
	char *gcc_macros;		/* its -dM output */
	struct strlist sys_includes;	/* its default include directories */
	/*
	 * __has_KIND(NAME) probes as "KIND NAME" and GCC's answers ("0" when
	 * unsupported). Probes beyond probe_values.n are asked on the next
	 * gcc_cmdline_prepare(), which may be called again to rebuild the prelude.
	 */
	struct strlist probes;
	struct strlist probe_values;
};

/* Path the prelude is mapped at (an unsaved file): macros from here are GCC's. */
#define KLP_CCP_PRELUDE_PATH "/<klp-ccp>/gcc-prelude.h"

/*
 * Split the original command line (after "--"). compiler_opt is -c's value
 * (ARCH-gcc-VERSION) or NULL. Returns -1 with a one-line error on bad input
 * (no input file, unreadable @file, missing option argument, missing input).
 */
int gcc_cmdline_parse(int argc, char **argv, const char *compiler_opt, struct gcc_cmdline *cl);

/* Ask GCC for macros, include path and __has_* answers; build clang_args. */
int gcc_cmdline_prepare(struct gcc_cmdline *cl);

/*
 * Parse the input with libclang (detailed preprocessing record). Handles the
 * __has_attribute/__has_builtin probe second pass. Returns NULL with an error
 * printed when libclang could not produce a translation unit.
 */
CXTranslationUnit parse_translation_unit(CXIndex index, struct gcc_cmdline *cl);
/* Set malloc() up for a parse and what follows it: first thing in main(). */
void parse_tune_allocator(void);
/*
 * After parse_keep_texts(): the text of PATH that parse_translation_unit()
 * read from disk after its last parse (unchanged since clang read it),
 * handed over (free() it), or NULL; parse_drop_texts() frees the ones not
 * taken. Without it, the texts are freed as soon as they are scanned.
 */
void parse_keep_texts(void);
char *parse_take_text(const char *path, size_t *len);
void parse_drop_texts(void);

/*
 * The inclusions (clang_getInclusions()) of tu, when its probe scan saw
 * them (tu is the translation unit of the last parse), else NULL: the index
 * takes them instead of walking the source location table again. at: the
 * #include's location, has_at false for the main file.
 */
struct parse_inclusion {
	CXFile file;
	CXSourceLocation at;
	bool has_at;
};
const struct parse_inclusion *parse_inclusions(CXTranslationUnit tu, size_t *n);

void gcc_cmdline_release(struct gcc_cmdline *cl);

#endif
