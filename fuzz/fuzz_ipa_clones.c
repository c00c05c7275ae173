/*
 * libFuzzer target: the -fdump-ipa-clones parser and the clone/inline graph
 * queries (src/ipa_clones.c). The input is written to x.ipa-clones in the
 * scratch directory and loaded with ipa_load(); when it loads, the names of
 * the first lines are asked about (ipa_report_symbol, ipa_affected_by).
 */
#include <stdint.h>

#include "fuzz_common.h"
#include "klp-ccp/ipa_clones.h"
#include "klp-ccp/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_scratch_dir();
	return 0;
}

/* Up to max distinct second fields ("Callgraph clone;NAME;...") of the input. */
static void collect_names(const char *text, size_t size, struct strlist *names, size_t max)
{
	const char *end = text + size;

	for (const char *p = text; p < end && names->n < max;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		const char *s1 = memchr(p, ';', (size_t)(le - p));

		if (s1) {
			const char *s2 = memchr(s1 + 1, ';', (size_t)(le - s1 - 1));
			char *name = xstrndup(s1 + 1, (size_t)((s2 ? s2 : le) - s1 - 1));

			if (!strlist_contains(names, name))
				strlist_push(names, name);
			free(name);
		}
		p = le + 1;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strlist paths = { 0 }, names = { 0 }, removed = { 0 };
	struct ipa_affected *aff = NULL;
	struct ipa_graph *g;
	size_t n_aff = 0;

	fuzz_write("x.ipa-clones", data, size);
	strlist_push(&paths, "x.ipa-clones");
	g = ipa_load(&paths);
	if (g) {
		collect_names((const char *)data, size, &names, 4);
		for (size_t i = 0; i < names.n; i++) {
			struct ipa_report r;

			memset(&r, 0, sizeof(r));
			ipa_report_symbol(g, names.v[i], &r);
			ipa_report_release(&r);
		}
		if (names.n && !ipa_affected_by(g, names.v, names.n, &aff, &n_aff, &removed))
			ipa_affected_free(aff, n_aff);
		strlist_release(&removed);
		ipa_free(g);
	}
	strlist_release(&names);
	strlist_release(&paths);
	return 0;
}
