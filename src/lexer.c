/* Raw identifier scanner over original source text. */
#include <string.h>

#include "klp-ccp/lexer.h"
#include "klp-ccp/util.h"

static size_t skip_quoted(const char *t, size_t end, size_t i)
{
	char q = t[i++];

	while (i < end && t[i] != q && t[i] != '\n') {
		if (t[i] == '\\' && i + 1 < end)
			i++;
		i++;
	}
	return i < end ? i + 1 : end;
}

/* Past the comment starting at t[i] ("//" up to its newline, or past the closing slash). */
static size_t skip_comment(const char *t, size_t end, size_t i)
{
	const char *p;

	if (t[i + 1] == '/') {
		p = memchr(t + i, '\n', end - i);
		return p ? (size_t)(p - t) : end;
	}
	/* memchr: most of a kernel header's text is comments */
	for (i += 2; i + 1 < end; i++) {
		p = memchr(t + i, '*', end - 1 - i);
		if (!p)
			return end;
		i = (size_t)(p - t);
		if (t[i + 1] == '/')
			return i + 2;
	}
	return end;
}

/* What a byte can start, for lex_next_ident()'s one table look-up per byte. */
enum { CH_OTHER, CH_IDENT, CH_DIGIT, CH_SLASH, CH_QUOTE };
static const unsigned char char_class[256] = {
	['a' ... 'z'] = CH_IDENT, ['A' ... 'Z'] = CH_IDENT, ['_'] = CH_IDENT, ['$'] = CH_IDENT,
	['0' ... '9'] = CH_DIGIT, ['/'] = CH_SLASH, ['"'] = CH_QUOTE, ['\''] = CH_QUOTE,
};
/* The bytes of an identifier after its first: one look-up, not two compares. */
static const unsigned char ident_byte[256] = {
	['a' ... 'z'] = 1, ['A' ... 'Z'] = 1, ['_'] = 1, ['$'] = 1, ['0' ... '9'] = 1,
};

/*
 * Blanks and punctuation, most of the bytes outside comments, are passed in
 * a loop of their own and identifiers by one look-up a byte: lexing every
 * header of a kernel unit is a fifth of klp-ccp's own work (idents.c).
 */
size_t lex_idents(const char *t, size_t end, size_t *pos, struct spelling *out, size_t max)
{
	const unsigned char *u = (const unsigned char *)t;
	size_t i = *pos, s, n = 0;

	while (i < end && n < max) {
		switch (char_class[u[i]]) {
		case CH_IDENT:
			s = i;
			while (++i < end && ident_byte[u[i]])
				;
			out[n++] = (struct spelling){ (unsigned)s, (unsigned)(i - s) };
			break;
		case CH_SLASH:
			if (i + 1 < end && (t[i + 1] == '/' || t[i + 1] == '*'))
				i = skip_comment(t, end, i);
			else
				i++;
			break;
		case CH_QUOTE:
			i = skip_quoted(t, end, i);
			break;
		case CH_DIGIT:	/* a pp-number: its letters are no identifier */
			while (i < end && (ident_byte[u[i]] || t[i] == '.'))
				i++;
			break;
		default:
			while (++i < end && char_class[u[i]] == CH_OTHER)
				;
		}
	}
	*pos = n < max ? end : i;
	return n;
}

bool lex_next_ident(const char *t, size_t end, size_t *pos, size_t *id_start, size_t *id_len)
{
	struct spelling sp;

	if (!lex_idents(t, end, pos, &sp, 1))
		return false;
	*id_start = sp.start;
	*id_len = sp.len;
	return true;
}

bool lex_next_name(const char *text, size_t end, size_t *pos, char *name, size_t size)
{
	size_t s, n;

	while (lex_next_ident(text, end, pos, &s, &n)) {
		if (n >= size)
			continue;
		memcpy(name, text + s, n);
		name[n] = '\0';
		return true;
	}
	return false;
}

/* Past a comment or literal at i, or i when there is none. */
size_t lex_skip(const char *t, size_t end, size_t i)
{
	char q = t[i];

	if (q == '"' || q == '\'') {
		for (i++; i < end && t[i] != q; i++)
			i += t[i] == '\\';
		return i < end ? i + 1 : end;
	}
	if (q != '/' || i + 1 >= end || (t[i + 1] != '/' && t[i + 1] != '*'))
		return i;
	if (t[i + 1] == '*') {
		for (i += 2; i + 1 < end && !(t[i] == '*' && t[i + 1] == '/'); i++)
			;
		return i + 2 <= end ? i + 2 : end;
	}
	while (i < end && t[i] != '\n')
		i++;
	return i;
}

/* Arguments of the invocation whose '(' is at t[i]; returns the index past ')'. */
size_t lex_macro_args(const char *t, size_t len, size_t i, struct strlist *args)
{
	size_t start = ++i;
	int depth = 0;

	for (; i < len; i++) {
		size_t j = lex_skip(t, len, i);
		char c = t[i];

		if (j != i) {
			i = j - 1;
			continue;
		}
		if (c == '(' || c == '[' || c == '{') {
			depth++;
		} else if ((c == ')' && depth-- == 0) || (c == ',' && !depth)) {
			size_t a = start, b = i;

			while (a < b && strchr(" \t\n\\", t[a]))
				a++;
			while (b > a && strchr(" \t\n\\", t[b - 1]))
				b--;
			strlist_push_owned(args, xstrndup(t + a, b - a));
			if (c == ')')
				return i + 1;
			start = i + 1;
		} else if (c == ']' || c == '}') {
			depth--;
		}
	}
	return len;
}
