/*
 * Compiling with the user's command line inside a scratch directory: what
 * --patch (src/patch_mode.c) and verify (src/verify.c) share. The internal
 * compiles write only where klp-ccp says: options of the user's command line
 * that make GCC, the assembler or the preprocessor write files of their own
 * are left out.
 */
#ifndef KLP_CCP_INTERNAL_COMPILE_H
#define KLP_CCP_INTERNAL_COMPILE_H

#include "klp-ccp/util.h"

/* Run argv (no shell, stdin /dev/null) with stdout+stderr into *out (may be
 * NULL); its exit status, or -1. An interrupt kills it (cleanup.h). */
int internal_run(char *const *argv, struct strbuf *out);

/* args->v[*i] as an internal compile gets it (owned), or NULL when it is
 * dropped; *i moves past a dropped option's separate argument. */
char *internal_compile_arg(const struct strlist *args, size_t *i);

/* Push the user's arguments (cl->args as internal compiles get them) onto
 * v, with the input file replaced by input. */
struct gcc_cmdline;
void internal_push_args(const struct gcc_cmdline *cl, const char *input, struct strlist *v);

/* gcc -H prints each file it reads as "DOTS PATH": the path (length *plen)
 * and depth of such a line, or NULL. */
const char *internal_h_line(const char *line, size_t len, unsigned *depth, size_t *plen);

/* GCC's first error line in its output, else its first complaint (not -H
 * lines); owned, "" when none. */
char *internal_first_message(const struct strbuf *out);

/* A fresh scratch directory $TMPDIR/klp-ccp-WHAT-XXXXXX, registered for
 * removal on interrupts; NULL with an error printed. */
char *internal_scratch_create(const char *what);
/* Remove it with everything in it. */
void internal_scratch_remove(const char *dir);

#endif
