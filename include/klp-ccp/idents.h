/*
 * The distinct identifiers of every file of the translation unit, lexed on a
 * second thread while the index is built: headers.c looks each up in the
 * model's names, and lexing the kernel's headers alone was a tenth of
 * klp-ccp's work above the parse (kernel/fork.c).
 */
#ifndef KLP_CCP_IDENTS_H
#define KLP_CCP_IDENTS_H

#include <stdbool.h>
#include <stddef.h>

#include "klp-ccp/lexer.h"

struct model;
struct ident_lists;

/* Start lexing the texts of m's files (as they are now). Never fails: without
 * a thread the lists are made on the first idents_of(). */
struct ident_lists *idents_start(const struct model *m);
/* File f's distinct identifier spellings shorter than 256 bytes, in the order
 * of their first occurrence; waits for the lexing. */
const struct spelling *idents_of(struct ident_lists *il, int f, size_t *n);
/* May file f's text (the model's) spell identifier name outside comments
 * and literals? False only when its list (waited for) lacks it. */
bool idents_may_have(struct ident_lists *il, int f, const char *text, const char *name);
void idents_release(struct ident_lists *il);

#endif
