/* Extents of #define directives and macro expansions read from the text (pp_text.h). */
#include <string.h>

#include "klp-ccp/pp_text.h"
#include "klp-ccp/util.h"

/* What the scans below look at a byte for: a byte of a token or identifier, a blank, else. */
enum { B_TOKEN, B_IDENT, B_BLANK, B_OTHER };
static const unsigned char byte_class[256] = {
	['a' ... 'z'] = B_IDENT, ['A' ... 'Z'] = B_IDENT, ['0' ... '9'] = B_IDENT,
	['_'] = B_IDENT, ['$'] = B_IDENT,
	[' '] = B_BLANK, ['\t'] = B_BLANK, ['\f'] = B_BLANK, ['\v'] = B_BLANK,
	['\n'] = B_OTHER, ['\r'] = B_OTHER, ['\\'] = B_OTHER, ['?'] = B_OTHER,
	['/'] = B_OTHER, ['"'] = B_OTHER, ['\''] = B_OTHER,
};

static bool token_byte(char c)
{
	return byte_class[(unsigned char)c] <= B_IDENT;
}

size_t pp_ident_end(const char *t, size_t len, size_t at)
{
	size_t end = at;

	if (at >= len || !is_ident_start((unsigned char)t[at]))
		return 0;
	while (end < len && byte_class[(unsigned char)t[end]] == B_IDENT)
		end++;
	if (end < len && (t[end] == '\\' || (unsigned char)t[end] >= 0x80))
		return 0;
	return end;
}

/*
 * Past the block comment opening at t[i], or 0 when it does not close or
 * holds a backslash (a line splice between its "*" and "/" would close it).
 */
static size_t block_comment_end(const char *t, size_t len, size_t i)
{
	const char *e = i + 2 <= len ? memmem(t + i + 2, len - i - 2, "*/", 2) : NULL;

	if (!e || memchr(t + i + 2, '\\', (size_t)(e - t) - i - 2))
		return 0;
	return (size_t)(e - t) + 2;
}

/*
 * Past the string or character literal opening at t[i], or 0 when it does
 * not close on its line (clang then makes the rest of the line one token).
 */
static size_t literal_end(const char *t, size_t len, size_t i)
{
	char q = t[i];

	for (i++; i < len && t[i] != q; i++) {
		if (t[i] == '\n' || t[i] == '\r')
			return 0;
		if (t[i] == '\\' && ++i < len && t[i] == '\r')
			return 0;	/* an escape, or a line splice ("\\\n") */
	}
	return i < len ? i + 1 : 0;
}

/* Where the text t[i] starts cannot be modelled here ('\r', "??", a stray '\\'). */
static bool unmodelled(const char *t, size_t len, size_t i)
{
	return t[i] == '\r' || (t[i] == '?' && i + 1 < len && t[i + 1] == '?') ||
	       (t[i] == '\\' && (i + 1 >= len || t[i + 1] != '\n'));
}

bool pp_define_end(const char *t, size_t len, size_t i, size_t *end)
{
	size_t last = i;

	while (i < len && t[i] != '\n') {
		if (token_byte(t[i])) {
			while (++i < len && token_byte(t[i]))
				;	/* most of the text: one look-up a byte */
			last = i;
		} else if (byte_class[(unsigned char)t[i]] == B_BLANK) {
			i++;
		} else if (unmodelled(t, len, i)) {
			return false;
		} else if (t[i] == '\\') {
			i += 2;	/* a line splice: the directive goes on */
		} else if (t[i] == '/' && i + 1 < len && t[i + 1] == '*') {
			if (!(i = block_comment_end(t, len, i)))
				return false;
		} else if (t[i] == '/' && i + 1 < len && t[i + 1] == '/') {
			for (; i < len && t[i] != '\n'; i++)
				if (unmodelled(t, len, i))
					return false;
				else if (t[i] == '\\')
					i++;	/* a spliced line comment goes on */
		} else if (t[i] == '"' || t[i] == '\'') {
			if (!(i = literal_end(t, len, i)))
				return false;
			last = i;
		} else {
			last = ++i;	/* '/' or '?' */
		}
	}
	*end = last;
	return true;
}

enum pp_macro_kind pp_define_kind(const char *t, size_t len, size_t name)
{
	size_t e = pp_ident_end(t, len, name);

	if (!e)
		return PP_UNKNOWN;
	if (e < len && t[e] == '(')
		return PP_FUNCTION_LIKE;
	if (e == len || t[e] == ' ' || t[e] == '\t' || t[e] == '\n' || t[e] == '\f' || t[e] == '\v')
		return PP_OBJECT_LIKE;
	return PP_UNKNOWN;
}

/*
 * Past the ')' closing the arguments whose '(' is at t[i], or 0 (text not
 * modelled, any '#': a directive may sit among the arguments, or no ')').
 */
static size_t args_end(const char *t, size_t len, size_t i)
{
	int depth = 0;

	while (i < len) {
		if (unmodelled(t, len, i) || t[i] == '\\' || t[i] == '#')
			return 0;
		if (t[i] == '/' && i + 1 < len && t[i + 1] == '*') {
			i = block_comment_end(t, len, i);
		} else if (t[i] == '/' && i + 1 < len && t[i + 1] == '/') {
			while (i < len && t[i] != '\n' && !unmodelled(t, len, i) && t[i] != '\\')
				i++;
			if (i < len && t[i] != '\n')
				return 0;
		} else if (t[i] == '"' || t[i] == '\'') {
			i = literal_end(t, len, i);
		} else {
			depth += t[i] == '(';
			if (t[i] == ')' && --depth == 0)
				return i + 1;
			i++;
		}
		if (!i)
			return 0;
	}
	return 0;
}

bool pp_use_end(const char *t, size_t len, size_t name, enum pp_macro_kind kind, size_t *end)
{
	size_t e = pp_ident_end(t, len, name), i = e;

	while (e && i < len) {
		if (t[i] == ' ' || t[i] == '\t' || t[i] == '\f' || t[i] == '\v' || t[i] == '\n') {
			i++;
		} else if (t[i] == '/' && i + 1 < len && t[i + 1] == '*') {
			if (!(i = block_comment_end(t, len, i)))
				return false;
		} else if (t[i] == '/' && i + 1 < len && t[i + 1] == '/') {
			while (i < len && t[i] != '\n' && t[i] != '\\' && t[i] != '\r')
				i++;
			if (i < len && t[i] != '\n')
				return false;
		} else {
			break;
		}
	}
	if (!e)
		return false;
	if (i < len && t[i] == '(' && kind == PP_FUNCTION_LIKE) {
		*end = args_end(t, len, i);
		return *end != 0;
	}
	/* a '#' may start a directive between a function-like name and its '(' */
	if (kind != PP_OBJECT_LIKE &&
	    i < len && (t[i] == '(' || t[i] == '#' || unmodelled(t, len, i)))
		return false;
	*end = e;
	return true;
}
