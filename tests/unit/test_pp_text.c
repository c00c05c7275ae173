/*
 * Unit test of src/pp_text.c: the extents of #define directives and macro
 * expansions read from the text are clang's (the end of the last token),
 * and text the scan does not model is refused (the caller asks libclang).
 */
#include <stdio.h>
#include <string.h>

#include "klp-ccp/pp_text.h"

static int failures;

/* The #define's name is the first "N" of t; want: the end's offset, or -1 (refused). */
static void define_end(const char *t, long want)
{
	size_t end = 0;
	long got = pp_define_end(t, strlen(t), (size_t)(strchr(t, 'N') - t), &end) ? (long)end : -1;

	if (got != want) {
		fprintf(stderr, "pp_define_end(\"%s\"): %ld, want %ld\n", t, got, want);
		failures++;
	}
}

/* The use's name is the first "N" of t, of a macro of that kind; want as define_end(). */
static void use_end_of(const char *t, enum pp_macro_kind kind, long want)
{
	size_t end = 0;
	long got = pp_use_end(t, strlen(t), (size_t)(strchr(t, 'N') - t), kind, &end) ? (long)end : -1;

	if (got != want) {
		fprintf(stderr, "pp_use_end(\"%s\", %d): %ld, want %ld\n", t, (int)kind, got, want);
		failures++;
	}
}

static void use_end(const char *t, long want)
{
	use_end_of(t, PP_UNKNOWN, want);
}

static void define_kind(const char *t, enum pp_macro_kind want)
{
	enum pp_macro_kind got = pp_define_kind(t, strlen(t), (size_t)(strchr(t, 'N') - t));

	if (got != want) {
		fprintf(stderr, "pp_define_kind(\"%s\"): %d, want %d\n", t, (int)got, (int)want);
		failures++;
	}
}

int main(void)
{
	/* 0123456789... offsets: "#define " is 8 bytes, N is at 8 */
	define_end("#define N\n", 9);
	define_end("#define N", 9);
	define_end("#define N 1 + 2  \nx", 15);
	define_end("#define N(a) a // c\n", 14);
	define_end("#define N(a) /* c */\n", 12);
	define_end("#define N a /* one\n two */ b\nx", 28);
	define_end("#define N a \\\n  b\nx", 17);
	define_end("#define N a // c \\\n d\nx", 11);
	define_end("#define N \"/* \\\" x\" y\n", 21);
	define_end("#define N '\\'' \n", 14);
	define_end("#define N \"a\\\nb\"\n", 16);
	define_end("#define N a \\\n\nx", 11);
	define_end("#define N a \\ \n b\n", -1);	/* backslash, blank, newline */
	define_end("#define N a\r\n", -1);
	define_end("#define N a ?\?/\n b\n", -1);	/* a trigraph splice */
	define_end("#define N 'a\n", -1);		/* unterminated: clang's token runs on */
	define_end("#define N a /* b\n", -1);
	define_end("#define N a /* \\ */ b\n", -1);
	define_end("#define N a /* *\\\n/ b\n", -1);	/* "*" splice "/" closes it */

	use_end("N;", 1);
	use_end("NAME_2 + 1", 6);
	use_end("N\n  /* ( */ x", 1);
	use_end("N // (\n x", 1);
	use_end("N", 1);
	use_end("N (x)", -1);
	use_end("N\n/* c */(x)", -1);
	use_end("N\n#define X\n(x)", -1);
	use_end("N // \\\n(x)", -1);
	use_end("N /* c", -1);
	use_end("N\\\n2", -1);	/* spliced name */
	use_end("N\xc3\xa9", -1);
	use_end_of("N (x)", PP_OBJECT_LIKE, 1);
	use_end_of("N #x", PP_OBJECT_LIKE, 1);
	use_end_of("N (x)", PP_FUNCTION_LIKE, 5);
	use_end_of("N\n (a, (b), \")\", ')') + 1", PP_FUNCTION_LIKE, 21);
	use_end_of("N(a /* ) */, // )\n b)", PP_FUNCTION_LIKE, 21);
	use_end_of("N;", PP_FUNCTION_LIKE, 1);	/* the name alone: not invoked */
	use_end_of("N(a\n#ifdef X\n b\n#endif\n)", PP_FUNCTION_LIKE, -1);
	use_end_of("N(a \\\n b)", PP_FUNCTION_LIKE, -1);
	use_end_of("N(a, 'b)", PP_FUNCTION_LIKE, -1);
	use_end_of("N(a, (b)", PP_FUNCTION_LIKE, -1);

	define_kind("#define N(a) a", PP_FUNCTION_LIKE);
	define_kind("#define N (a)", PP_OBJECT_LIKE);
	define_kind("#define N", PP_OBJECT_LIKE);
	define_kind("#define N\n", PP_OBJECT_LIKE);
	define_kind("#define N/**/(a)", PP_UNKNOWN);
	define_kind("#define N\\\n(a)", PP_UNKNOWN);
	if (!failures)
		printf("pp_text: all passed\n");
	return failures != 0;
}
