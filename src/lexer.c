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

bool lex_next_ident(const char *t, size_t end, size_t *pos, size_t *id_start, size_t *id_len)
{
	size_t i = *pos;

	while (i < end) {
		unsigned char c = (unsigned char)t[i];

		if (is_ident_start(c)) {
			size_t s = i;

			while (++i < end && is_ident_char((unsigned char)t[i]))
				;
			*id_start = s;
			*id_len = i - s;
			*pos = i;
			return true;
		} else if (c == '/' && i + 1 < end && (t[i + 1] == '/' || t[i + 1] == '*')) {
			i = skip_comment(t, end, i);
		} else if (c == '"' || c == '\'') {
			i = skip_quoted(t, end, i);
		} else if ((unsigned)(c - '0') < 10) {
			while (i < end && (is_ident_char((unsigned char)t[i]) || t[i] == '.'))
				i++;
		} else {
			i++;
		}
	}
	*pos = end;
	return false;
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
