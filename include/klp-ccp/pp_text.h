/*
 * Extents of preprocessor entities read from the source text: what
 * clang_getCursorExtent() answers, without its cost (it re-lexes the last
 * token through clang's source manager: about 700 instructions a call, tens
 * of thousands of calls on a kernel unit). Each answers false for text it
 * does not model (a line splice outside a comment or literal, '\r', "??",
 * an unterminated comment or literal): the caller asks libclang then.
 */
#ifndef KLP_CCP_PP_TEXT_H
#define KLP_CCP_PP_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/*
 * The identifier at text[at], when plainly spelled (no splice, UCN or
 * non-ASCII byte in or right after it): its end; 0 when it is not.
 */
size_t pp_ident_end(const char *text, size_t len, size_t at);

/* The end of the last token of the #define whose macro name is at text[name]. */
bool pp_define_end(const char *text, size_t len, size_t name, size_t *end);

/* What a #define's text says of its macro (the name at text[name]). */
enum pp_macro_kind { PP_UNKNOWN, PP_OBJECT_LIKE, PP_FUNCTION_LIKE };
enum pp_macro_kind pp_define_kind(const char *text, size_t len, size_t name);

/*
 * The end of the expansion of the macro named at text[name]: the name's
 * end when no '(' follows it (blanks, newlines and comments between) or the
 * macro is object-like; past the ')' closing its arguments when it is
 * function-like. False when it cannot tell (a '(' follows a macro of
 * unknown kind, text not modelled).
 */
bool pp_use_end(const char *text, size_t len, size_t name, enum pp_macro_kind kind, size_t *end);

#endif
