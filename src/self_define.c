/*
 * A patched function an included header's inline calls, named by a macro
 * before lp.c's #includes (self_define.h).
 *
 * ___pskb_trim calls itself through skbuff.h's pskb_trim -> __pskb_trim.
 * In the original that is a recursion cycle, which GCC's early inliner
 * does not inline into; in lp.c the definition is klpp____pskb_trim, the
 * header still calls ___pskb_trim (the running function: there is no
 * cycle), pskb_trim is inlined early, and the code ends up the same but
 * with SSA names made in another order and other registers.
 * "#define ___pskb_trim klpp____pskb_trim" at the top gives GCC the
 * original's cycle back. It is exact when every token of that name lp.c
 * compiles is a declaration of the function or a direct call: those then
 * reach the patched function directly, as calls in copied code already
 * do, where they reached the running original, redirected to it. Any other
 * use (an address, a member or macro of that name, an
 * EXPORT_SYMBOL) would change meaning or not compile: no macro then. The
 * tokens are looked for in every header of the unit (more than lp.c
 * includes: a stray use only costs the macro) and in lp.c's own text,
 * comments and literals skipped.
 */
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/self_define.h"
#include "klp-ccp/util.h"

/* The end of the comment, string or character literal at t[i], or i. */
static size_t skip_non_code(const char *t, size_t len, size_t i)
{
	if (t[i] == '/' && i + 1 < len && t[i + 1] == '*') {
		const char *e = memmem(t + i + 2, len - i - 2, "*/", 2);

		return e ? (size_t)(e - t) + 2 : len;
	}
	if (t[i] == '/' && i + 1 < len && t[i + 1] == '/') {
		const char *e = memchr(t + i, '\n', len - i);

		return e ? (size_t)(e - t) : len;
	}
	if (t[i] == '"' || t[i] == '\'') {
		size_t j = i + 1;

		while (j < len && t[j] != t[i] && t[j] != '\n')
			j += t[j] == '\\' ? 2 : 1;
		return j < len ? j + 1 : len;
	}
	return i;
}

static size_t skip_space_back(const char *t, size_t i)
{
	while (i > 0 && strchr(" \t\r\n\\", t[i - 1]))
		i--;
	return i;
}

/* Is the occurrence t[s, s+n) of the name a declaration or a direct call? */
static bool call_or_declaration(const char *t, size_t len, size_t s, size_t n)
{
	size_t a = s + n, b = skip_space_back(t, s);

	while (a < len && strchr(" \t\r\n\\", t[a]))
		a++;
	if (a >= len || t[a] != '(')
		return false;	/* an address, a macro argument, a type of it ... */
	if (b > 0 && strchr(".>&#", t[b - 1]))
		return false;	/* a member, an address, a stringified or pasted name */
	if (b >= 6 && !memcmp(t + b - 6, "define", 6))
		return false;	/* a function-like macro of that name */
	return true;
}

/* Is every code token NAME of t a declaration or a direct call? */
static bool only_calls_in(const char *t, size_t len, const char *name)
{
	size_t n = strlen(name);

	for (size_t i = 0; i < len;) {
		size_t j = skip_non_code(t, len, i);

		if (j != i) {
			i = j;
			continue;
		}
		if (!is_ident_start((unsigned char)t[i])) {
			i++;
			continue;
		}
		for (j = i; j < len && is_ident_char((unsigned char)t[j]); j++)
			;
		if (j - i == n && !memcmp(t + i, name, n) && !call_or_declaration(t, len, i, n))
			return false;
		i = j;
	}
	return true;
}

static bool headers_only_call(const struct model *m, const char *name)
{
	for (size_t i = 0; i < m->n_files; i++) {
		const struct kfile *f = &m->files[i];

		/* the prelude is klp-ccp's, for clang only: GCC never reads it */
		if ((int)i == m->main_file || !f->text || f->role == FILE_PRELUDE)
			continue;
		/* cheap first: most headers do not name it at all */
		if (memmem(f->text, f->len, name, strlen(name)) &&
		    !only_calls_in(f->text, f->len, name))
			return false;
	}
	return true;
}

static bool wants_define(const struct model *m, const struct entity *e, const char *body,
			 size_t body_len)
{
	return e->kind == ENT_FUNCTION && e->decision == DEC_PATCHED && e->header_called &&
	       !e->internal && e->new_name && strcmp(e->new_name, e->name) &&
	       only_calls_in(body, body_len, e->name) && headers_only_call(m, e->name);
}

void self_define_apply(struct model *m, struct strbuf *lp)
{
	/* after the banner comment, which names the patched functions */
	const char *nl = memchr(lp->buf, '\n', lp->len);
	size_t at = nl ? (size_t)(nl - lp->buf) + 1 : 0;
	struct strbuf defs = { 0 }, out = { 0 };

	for (size_t i = 0; i < m->n_ents; i++) {
		struct entity *e = &m->ents[i];

		if (!wants_define(m, e, lp->buf + at, lp->len - at))
			continue;
		sb_addf(&defs, "#define %s %s\n", e->name, e->new_name);
		e->header_ref = false;	/* the header's calls reach the new function */
	}
	if (!defs.len)
		return;
	sb_addn(&out, lp->buf, at);
	sb_addf(&out, "/* klp-ccp: header code calls it: the patched function, as in the original */\n%s",
		defs.buf);
	sb_addn(&out, lp->buf + at, lp->len - at);
	sb_release(lp);
	*lp = out;
	sb_release(&defs);
}
