/*
 * What GCC accepts for the target and clang does not, neutralized in the
 * text clang parses only: parse.c hands clang a rewritten copy of each file
 * concerned as an unsaved file, and lp.c is made from the original text (see
 * parse_original_text()). A rewrite keeps every byte offset, so locations
 * clang reports are locations in the original.
 *
 * Handled: inline-asm constraints clang does not know for the target (ppc64
 * "YZ<>", x86 "Bm"...): their letters become 'X' (any operand), which clang
 * accepts on every target and which changes nothing the extraction uses.
 * GCC's __atomic builtins applied to _Atomic objects (GCC's <stdatomic.h>
 * macros, or the file's own calls), which clang rejects: renamed
 * __atomiC_X, a prelude macro calling clang's builtin (neutral.c).
 */
#ifndef KLP_CCP_NEUTRAL_H
#define KLP_CCP_NEUTRAL_H

#include <stdbool.h>
#include <stddef.h>

/* The constraint clang's error message MSG rejects, into OUT (SIZE bytes):
 * false when MSG is not about a constraint. */
bool neutral_constraint(const char *msg, char *out, size_t size);
/* Rewrite, in TEXT (LEN bytes), the string literals in constraint position
 * (followed by '(' or ending a line) that are pieces of one of the NBAD
 * rejected constraints BAD. True when something changed. */
bool neutral_fix_text(char *text, size_t len, const char *const *bad, size_t nbad);

/* Does clang's error MSG reject an _Atomic type GCC accepts there? */
bool neutral_atomic(const char *msg);
/* Rename, in TEXT (LEN bytes), the __atomic builtins to the prelude's
 * __atomiC_ macros; true when something changed. */
bool neutral_fix_atomics(char *text, size_t len);

/* parse.c: the text of PATH before it was neutralized for clang, or NULL when
 * clang read it unchanged. */
const char *parse_original_text(const char *path, size_t *len);

#endif
