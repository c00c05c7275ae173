/*
 * Which macro arguments are operands of # or ## (rewrite.c): a renamed
 * identifier there cannot be edited in the text ("__foo_ ## (*klpe_x)" is
 * no token, "#f" would spell the new name).
 */
#ifndef KLP_CCP_MACRO_ARGS_H
#define KLP_CCP_MACRO_ARGS_H

#include "klp-ccp/model.h"

enum arg_use { ARG_PLAIN, ARG_HASHED, ARG_HASHED_NESTED };

/*
 * How the identifier at off in file, inside the arguments of macro
 * invocations that start in [from, off), is used: ARG_HASHED when invoked
 * macros stringize or paste the argument holding it themselves,
 * ARG_HASHED_NESTED when one passes it on (after expanding it) to a macro
 * that does. *at is then the outermost such invocation: the macro's name and
 * the range [start, end) of its written invocation.
 */
struct arg_site {
	const char *macro;
	unsigned start, end;
};
enum arg_use macro_arg_use(struct model *m, int file, unsigned from, unsigned off,
			   struct arg_site *at);

/* "NAME(a, b)" at text+off split into trimmed top-level arguments. */
struct strlist;
void macro_invocation_args(const char *t, size_t len, size_t off, struct strlist *args);
/* Index of parameter word in the "NAME(p1, p2)" of a definition, or -1. */
int macro_param_index(const char *def, size_t n_def, const char *word, size_t n);
/*
 * The parameter names of the definition md (t: its file's text) into
 * params ("..." as __VA_ARGS__); returns the offset where its body starts.
 */
unsigned macro_params(const char *t, const struct macro_def *md, struct strlist *params);
/* Join the arguments past the last parameter when it is __VA_ARGS__. */
void macro_join_variadic(const struct strlist *params, struct strlist *args);
/* Text of t[start, end) with parameters replaced by arguments and ## applied. */
char *macro_substitute(const char *t, unsigned start, unsigned end, const struct strlist *params,
		       const struct strlist *args);

#endif
