/*
 * Test driver for src/ipa_clones.c and src/ipa_main.c, independent of the
 * rest of klp-ccp:
 *   ipa_tool ipa-clones ARGS...          the subcommand
 *   ipa_tool affected [--lto] [--live-patching=V] DUMP -- NAME...
 *                                        the extraction API, printed
 *   ipa_tool fuzz ITERATIONS SEED DIR    random/truncated dumps: no crash
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/diag.h"
#include "klp-ccp/ipa_clones.h"
#include "klp-ccp/subcommands.h"
#include "klp-ccp/util.h"

static int affected(int argc, char **argv)
{
	struct strlist paths = { 0 }, removed = { 0 };
	struct ipa_affected *a;
	struct ipa_graph *g;
	size_t n;
	int i = 0;

	for (; i < argc && strcmp(argv[i], "--"); i++) {
		if (!strcmp(argv[i], "--lto"))
			ipa_check_cmdline(true, NULL);
		else if (!strncmp(argv[i], "--live-patching=", 16))
			ipa_check_cmdline(false, argv[i] + 16);
		else
			strlist_push(&paths, argv[i]);
	}
	g = ipa_load(&paths);
	strlist_release(&paths);
	if (!g)
		return 1;
	i += i < argc;
	if (ipa_affected_by(g, argv + i, (size_t)(argc - i), &a, &n, &removed)) {
		ipa_free(g);
		return 1;
	}
	for (size_t k = 0; k < n; k++)
		printf("%s %s %s:%u contains %s%s\n", a[k].name, a[k].kind, a[k].file, a[k].line,
		       a[k].contains, a[k].maybe_removed ? " (maybe removed)" : "");
	for (size_t k = 0; k < removed.n; k++)
		printf("removed body: %s\n", removed.v[k]);
	ipa_affected_free(a, n);
	strlist_release(&removed);
	ipa_free(g);
	return 0;
}

static const char *const pieces[] = {
	"Callgraph clone", "Callgraph removal", "Callgraph", "foo", "bar", "foo.isra.0",
	"foo.part.0", "0", "1", "2", "17", "-1", "99999999999999999999", "t.c", "", " ",
	"inlining to", "isra", "constprop", "part", "x y", ";", ";;", "\t", "\r", "\n",
	"4294967296", "\x01", "\xff",
};

static void random_line(FILE *f, unsigned *seed)
{
	int n = rand_r(seed) % 14;

	for (int i = 0; i < n; i++) {
		const char *p = pieces[rand_r(seed) % (sizeof(pieces) / sizeof(pieces[0]))];

		fputs(p, f);
		if (rand_r(seed) % 3)
			fputc(';', f);
	}
	if (rand_r(seed) % 8)
		fputc('\n', f);
}

/* Mutate a valid line: truncate it, or overwrite/insert a random byte. */
static void mutated_line(FILE *f, unsigned *seed)
{
	static const char *const valid[] = {
		"Callgraph clone;a;1;t.c;1;5;b;2;t.c;2;5;inlining to",
		"Callgraph clone;b;2;t.c;2;5;b.isra.0;3;t.c;2;5;isra",
		"Callgraph removal;a;1;t.c;1;5",
	};
	char buf[128];
	size_t len;

	strcpy(buf, valid[rand_r(seed) % 3]);
	len = strlen(buf);
	switch (rand_r(seed) % 3) {
	case 0:
		buf[rand_r(seed) % (len + 1)] = '\0';
		break;
	case 1:
		buf[rand_r(seed) % len] = (char)(rand_r(seed) % 256);
		break;
	}
	fwrite(buf, 1, strlen(buf) + (rand_r(seed) % 16 == 0), f);
	fputc('\n', f);
}

static int fuzz(int argc, char **argv)
{
	unsigned iterations, seed;
	char *path;
	size_t loaded = 0;

	if (argc != 3)
		return 2;
	iterations = (unsigned)strtoul(argv[0], NULL, 10);
	seed = (unsigned)strtoul(argv[1], NULL, 10);
	path = xasprintf("%s/fuzz.000i.ipa-clones", argv[2]);
	for (unsigned it = 0; it < iterations; it++) {
		FILE *f = fopen(path, "wb");
		struct strlist paths = { 0 };
		struct ipa_graph *g;
		int lines = rand_r(&seed) % 8;

		if (!f)
			return 2;
		for (int l = 0; l < lines; l++) {
			if (rand_r(&seed) % 2)
				random_line(f, &seed);
			else
				mutated_line(f, &seed);
		}
		fclose(f);
		strlist_push(&paths, path);
		g = ipa_load(&paths);
		if (g) {
			char *names[] = { "a", "b", "foo", "b.isra.0" };
			struct ipa_affected *a;
			struct ipa_report r;
			struct strlist removed = { 0 };
			size_t n;

			loaded++;
			ipa_affected_by(g, names, 4, &a, &n, &removed);
			ipa_affected_free(a, n);
			strlist_release(&removed);
			ipa_report_symbol(g, "b", &r);
			ipa_report_release(&r);
			ipa_free(g);
		}
		strlist_release(&paths);
	}
	free(path);
	fprintf(stderr, "fuzz: %u dumps, %zu loaded without error\n", iterations, loaded);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "ipa-clones"))
		return ipa_clones_main(argc - 1, argv + 1);
	if (argc > 1 && !strcmp(argv[1], "affected"))
		return affected(argc - 2, argv + 2);
	if (argc > 1 && !strcmp(argv[1], "fuzz"))
		return fuzz(argc - 2, argv + 2);
	fprintf(stderr, "usage: ipa_tool ipa-clones|affected|fuzz ...\n");
	return 2;
}
