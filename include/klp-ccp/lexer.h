/* Just enough of a C lexer to find identifiers in raw source text. */
#ifndef KLP_CCP_LEXER_H
#define KLP_CCP_LEXER_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Find the next identifier in [*pos, end), skipping comments, string and
 * character literals and pp-numbers. Returns false at the end.
 */
bool lex_next_ident(const char *text, size_t end, size_t *pos, size_t *id_start, size_t *id_len);

#endif
