/* Just enough of a C lexer to find identifiers in raw source text. */
#ifndef KLP_CCP_LEXER_H
#define KLP_CCP_LEXER_H

#include <stdbool.h>
#include <stddef.h>

/* A spelling in a text: [start, start + len). */
struct spelling {
	unsigned start, len;
};

/*
 * Find the next identifier in [*pos, end), skipping comments, string and
 * character literals and pp-numbers. Returns false at the end.
 */
bool lex_next_ident(const char *text, size_t end, size_t *pos, size_t *id_start, size_t *id_len);

/*
 * Up to max identifiers of [*pos, end) into out, as lex_next_ident() finds
 * them one by one: their number, 0 at the end.
 */
size_t lex_idents(const char *text, size_t end, size_t *pos, struct spelling *out, size_t max);

/*
 * lex_next_ident() copying the identifier into name[size] as a C string;
 * identifiers that do not fit are skipped.
 */
bool lex_next_name(const char *text, size_t end, size_t *pos, char *name, size_t size);

/* Past a comment, string or character literal at text[i], or i when none. */
size_t lex_skip(const char *text, size_t end, size_t i);

/*
 * Top-level arguments, trimmed, of the macro invocation whose '(' is at
 * text[paren] (parentheses, brackets, braces, literals and comments
 * respected); returns the index past the closing ')', or len.
 */
struct strlist;
size_t lex_macro_args(const char *text, size_t len, size_t paren, struct strlist *args);

#endif
