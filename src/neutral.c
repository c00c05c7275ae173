/*
 * Rewrites that make clang accept what GCC accepts for the target
 * (include/klp-ccp/neutral.h).
 *
 * clang reports a constraint it does not know where the asm statement is
 * expanded, while the text is often in a macro several levels down
 * (uaccess.h's DS_FORM_CONSTRAINT in __put_user_asm2_goto), or one piece of
 * a concatenation ("=" DS_FORM_CONSTRAINT). So the rewrite is by content:
 * every string literal in constraint position (followed by '(' or ending a
 * macro definition) that is a piece of a constraint clang rejected.
 */
#include <ctype.h>
#include <string.h>

#include "klp-ccp/neutral.h"
#include "klp-ccp/util.h"

/* clang's messages for a constraint string it does not know (Sema). */
static const char *const constraint_msgs[] = {
	"invalid input constraint '", "invalid output constraint '", NULL
};

bool neutral_constraint(const char *msg, char *out, size_t size)
{
	for (const char *const *m = constraint_msgs; *m; m++) {
		const char *p = strstr(msg, *m), *q;

		if (!p)
			continue;
		p += strlen(*m);
		q = strstr(p, "' in asm");
		if (!q || (size_t)(q - p) >= size || q == p)
			return false;
		memcpy(out, p, (size_t)(q - p));
		out[q - p] = '\0';
		return true;
	}
	return false;
}

/* After the closing quote at end: blanks and line continuations, then '('
 * (an operand) or the end of a line (the end of a macro body). */
static bool constraint_position(const char *text, size_t len, size_t end)
{
	size_t i = end + 1;

	for (; i < len; i++) {
		if (text[i] == '\\' && i + 1 < len && text[i + 1] == '\n')
			return true;
		if (text[i] != ' ' && text[i] != '\t')
			break;
	}
	return i >= len || text[i] == '(' || text[i] == '\n';
}

/* A piece of a rejected constraint with a letter to rewrite. */
static bool rejected_piece(const char *s, size_t n, const char *const *bad, size_t nbad)
{
	bool letter = false;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\\' || s[i] == '\n')
			return false;
		letter |= isalpha((unsigned char)s[i]) && s[i] != 'X';
	}
	if (!letter)
		return false;
	for (size_t k = 0; k < nbad; k++)
		if (memmem(bad[k], strlen(bad[k]), s, n))
			return true;
	return false;
}

/* Every constraint letter of [start, end) becomes X (any operand);
 * modifiers (=+&%<>,) and matching digits stay. */
static void fix_constraint(char *text, size_t start, size_t end)
{
	for (size_t i = start; i < end; i++)
		if (isalpha((unsigned char)text[i]))
			text[i] = 'X';
}

/* Past a comment or a character or string literal at i; i when none. */
static size_t skip_lexeme(const char *text, size_t len, size_t i)
{
	char q = text[i];

	if (q == '/' && i + 1 < len && text[i + 1] == '*') {
		const char *e = memmem(text + i + 2, len - i - 2, "*/", 2);

		return e ? (size_t)(e - text) + 2 : len;
	}
	if (q == '/' && i + 1 < len && text[i + 1] == '/') {
		while (i < len && text[i] != '\n')
			i++;
		return i;
	}
	if (q != '"' && q != '\'')
		return i;
	for (i++; i < len && text[i] != q && text[i] != '\n'; i++)
		if (text[i] == '\\')
			i++;
	return i < len ? i + 1 : len;
}

bool neutral_fix_text(char *text, size_t len, const char *const *bad, size_t nbad)
{
	bool changed = false;

	for (size_t i = 0; i < len;) {
		size_t next = skip_lexeme(text, len, i);

		if (next == i) {
			i++;
			continue;
		}
		/* a string literal [i, next): contents [i + 1, next - 1) */
		if (text[i] == '"' && next - i >= 2 && text[next - 1] == '"' &&
		    constraint_position(text, len, next - 1) &&
		    rejected_piece(text + i + 1, next - i - 2, bad, nbad)) {
			fix_constraint(text, i + 1, next - 1);
			changed = true;
		}
		i = next;
	}
	return changed;
}

/*
 * GCC's __atomic builtins also take pointers to _Atomic objects (GCC's
 * <stdatomic.h> applies them to nothing else); clang's take only plain
 * ones, and its __c11_atomic builtins only _Atomic ones. The one-letter
 * rename __atomic_X -> __atomiC_X makes each call a macro of the prelude
 * (gcc_prelude.c) that converts the pointer to an _Atomic one, which fits
 * both kinds. __atomic_test_and_set and __atomic_clear take a void
 * pointer in both compilers: not renamed.
 */
static const char *const atomic_builtins[] = {
	"load_n", "load", "store_n", "store", "exchange_n", "exchange",
	"compare_exchange_n", "compare_exchange",
	"fetch_add", "fetch_sub", "fetch_and", "fetch_or", "fetch_xor", "fetch_nand",
	"add_fetch", "sub_fetch", "and_fetch", "or_fetch", "xor_fetch", "nand_fetch", NULL
};

bool neutral_atomic(const char *msg)
{
	return strstr(msg, "_Atomic(") != NULL;
}

static bool atomic_builtin(const char *s, size_t n)
{
	for (const char *const *b = atomic_builtins; *b; b++)
		if (strlen(*b) == n && !memcmp(s, *b, n))
			return true;
	return false;
}

/* The identifier at i ends where? */
static size_t ident_end_at(const char *text, size_t len, size_t i)
{
	while (i < len && is_ident_char((unsigned char)text[i]))
		i++;
	return i;
}

/* "typedef _Atomic struct" (GCC's atomic_flag): clang cannot initialize an
 * _Atomic structure with braces (ATOMIC_FLAG_INIT), so the typedef names
 * the plain structure for clang; the prelude's macros take either. */
static bool atomic_typedef(char *text, size_t len, size_t i, size_t end)
{
	static const char kw[] = "typedef";
	size_t k = i, s;

	while (k > 0 && (text[k - 1] == ' ' || text[k - 1] == '\t'))
		k--;
	if (k < sizeof(kw) - 1 || memcmp(text + k - (sizeof(kw) - 1), kw, sizeof(kw) - 1) ||
	    (k > sizeof(kw) - 1 && is_ident_char((unsigned char)text[k - sizeof(kw)])))
		return false;
	for (s = end; s < len && (text[s] == ' ' || text[s] == '\t' || text[s] == '\n'); s++)
		;
	if (!(s + 6 <= len && !memcmp(text + s, "struct", 6)) &&
	    !(s + 5 <= len && !memcmp(text + s, "union", 5)))
		return false;
	memset(text + i, ' ', end - i);
	return true;
}

bool neutral_fix_atomics(char *text, size_t len)
{
	bool changed = false;

	for (size_t i = 0; i < len;) {
		size_t next = skip_lexeme(text, len, i), end;

		if (next != i) {
			i = next;
			continue;
		}
		if (!is_ident_start((unsigned char)text[i])) {
			i++;
			continue;
		}
		end = ident_end_at(text, len, i);
		if ((i == 0 || !is_ident_char((unsigned char)text[i - 1])) && end - i > 9 &&
		    !memcmp(text + i, "__atomic_", 9) && atomic_builtin(text + i + 9, end - i - 9)) {
			text[i + 8] = 'C';
			changed = true;
		} else if (end - i == 7 && !memcmp(text + i, "_Atomic", 7)) {
			changed |= atomic_typedef(text, len, i, end);
		}
		i = end;
	}
	return changed;
}
