/*
 * Unit test of src/lexer.c and src/idents.c: the identifiers of a text
 * (comments, literals and pp-numbers skipped) are the same one by one
 * (lex_next_ident) and in batches of any size (lex_idents), and a file's
 * distinct identifiers (idents_of) are each spelling once, in the order of
 * its first occurrence, whatever its length: spellings that share their
 * first and last eight bytes are still told apart.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <clang-c/Index.h>

#include "klp-ccp/idents.h"
#include "klp-ccp/lexer.h"
#include "klp-ccp/model.h"
#include "klp-ccp/util.h"

static int failures;

/* The identifiers of t one by one, space-separated. */
static char *one_by_one(const char *t)
{
	struct strbuf sb = { 0 };
	size_t pos = 0, s, n;

	sb_addf(&sb, "%s", "");
	while (lex_next_ident(t, strlen(t), &pos, &s, &n))
		sb_addf(&sb, "%s%.*s", sb.len ? " " : "", (int)n, t + s);
	return sb.buf;
}

static char *in_batches(const char *t, size_t max)
{
	struct strbuf sb = { 0 };
	struct spelling out[8];
	size_t pos = 0, n;

	sb_addf(&sb, "%s", "");
	while ((n = lex_idents(t, strlen(t), &pos, out, max)))
		for (size_t k = 0; k < n; k++)
			sb_addf(&sb, "%s%.*s", sb.len ? " " : "", (int)out[k].len, t + out[k].start);
	return sb.buf;
}

static void idents_are(const char *t, const char *want)
{
	char *got = one_by_one(t);

	if (strcmp(got, want)) {
		fprintf(stderr, "lex_next_ident(\"%s\"): \"%s\", want \"%s\"\n", t, got, want);
		failures++;
	}
	free(got);
	for (size_t max = 1; max <= 8; max++) {
		got = in_batches(t, max);
		if (strcmp(got, want)) {
			fprintf(stderr, "lex_idents(\"%s\", %zu): \"%s\", want \"%s\"\n", t, max, got,
				want);
			failures++;
		}
		free(got);
	}
}

/* The distinct identifiers idents.c lists for file text t. */
static char *distinct(const char *t)
{
	struct kfile kf = { .text = t, .len = strlen(t) };
	struct model m = { .files = &kf, .n_files = 1 };
	struct ident_lists *il = idents_start(&m);
	const struct spelling *sp;
	struct strbuf sb = { 0 };
	size_t n;

	sb_addf(&sb, "%s", "");
	sp = idents_of(il, 0, &n);
	for (size_t i = 0; i < n; i++)
		sb_addf(&sb, "%s%.*s", sb.len ? " " : "", (int)sp[i].len, t + sp[i].start);
	idents_release(il);
	return sb.buf;
}

static void distinct_are(const char *t, const char *want)
{
	char *got = distinct(t);

	if (strcmp(got, want)) {
		fprintf(stderr, "idents_of(\"%s\"): \"%s\", want \"%s\"\n", t, got, want);
		failures++;
	}
	free(got);
}

/* Many distinct names (the table grows) and each again: listed once, in order. */
static void many_distinct(void)
{
	struct strbuf text = { 0 }, want = { 0 };
	char *got;

	sb_addf(&want, "%s", "");
	for (int i = 0; i < 1000; i++) {
		sb_addf(&text, "name_%d_of_a_long_list x%d ", i, i % 7);
		sb_addf(&want, "%sname_%d_of_a_long_list", i ? " " : "", i);
		if (i < 7)
			sb_addf(&want, " x%d", i);
	}
	sb_addf(&text, "%s", "name_0_of_a_long_list x0");
	got = distinct(text.buf);
	if (strcmp(got, want.buf)) {
		fprintf(stderr, "idents_of(1000 names): wrong list\n");
		failures++;
	}
	free(got);
	free(text.buf);
	free(want.buf);
}

int main(void)
{
	idents_are("", "");
	idents_are("int a;", "int a");
	idents_are("a /* b c */ d // e f\ng", "a d g");
	idents_are("s = \"x y\" 'z' t", "s t");
	idents_are("0x1fUL + 1e10f + .5e+3 u8", "u8");
	idents_are("$x _y z9 a.b->c", "$x _y z9 a b c");
	idents_are("a b c d e f g h i j k l m n o p q", "a b c d e f g h i j k l m n o p q");
	idents_are("x /* unterminated", "x");
	idents_are("x \"unterminated", "x");
	idents_are("tail_ident", "tail_ident");

	distinct_are("a b a c b a", "a b c");
	/* lengths around the 8- and 16-byte words the table compares */
	distinct_are("abcdefg abcdefgh abcdefgX abcdefgh abcdefg",
		     "abcdefg abcdefgh abcdefgX");
	distinct_are("abcdefgh12345678 abcdefgh1234567X abcdefgh12345678",
		     "abcdefgh12345678 abcdefgh1234567X");
	/* same first and last eight bytes, different middles */
	distinct_are("abcdefgh_X_stuvwxyz abcdefgh_Y_stuvwxyz abcdefgh_X_stuvwxyz",
		     "abcdefgh_X_stuvwxyz abcdefgh_Y_stuvwxyz");
	distinct_are("abcdefghXstuvwxyz abcdefghYstuvwxyz", "abcdefghXstuvwxyz abcdefghYstuvwxyz");
	many_distinct();
	if (failures)
		fprintf(stderr, "%d failure(s)\n", failures);
	return failures != 0;
}
