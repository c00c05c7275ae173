/*
 * klp-ccp build, the summary: per unit the functions patched (and those the
 * IPA clone analysis added), the externalized symbols and which of them the
 * module reaches through klp relocations (its ".klp.sym.*" symbols, read
 * from the built .ko), and where the .ko is.
 */
#include <fcntl.h>
#include <gelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "klp-ccp/build.h"
#include "klp-ccp/diag.h"
#include "klp-ccp/report_read.h"

/* The ".klp.sym.OBJ.NAME,POS" symbols of the module. -1 when it cannot be read. */
static int klp_symbols(const char *ko, struct strlist *out)
{
	int fd = open(ko, O_RDONLY);
	Elf *e;
	Elf_Scn *scn = NULL;

	if (fd < 0)
		return -1;
	elf_version(EV_CURRENT);
	e = elf_begin(fd, ELF_C_READ, NULL);
	while (e && (scn = elf_nextscn(e, scn))) {
		GElf_Shdr sh;
		Elf_Data *d;

		if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB || !sh.sh_entsize)
			continue;
		d = elf_getdata(scn, NULL);
		for (size_t i = 0; d && i < sh.sh_size / sh.sh_entsize; i++) {
			GElf_Sym sym;
			const char *name;

			if (!gelf_getsym(d, (int)i, &sym))
				continue;
			name = elf_strptr(e, sh.sh_link, sym.st_name);
			if (name && !strncmp(name, ".klp.sym.", 9))
				strlist_push(out, name + 9);
		}
	}
	if (e)
		elf_end(e);
	close(fd);
	return e ? 0 : -1;
}

/*
 * "patched A, B (added by IPA clones: contains F)": every function the
 * module replaces; one the IPA clone analysis added says whose code it
 * holds. Then the named ones that have no body of their own (GCC inlined
 * them everywhere, or left only clones): not patched, their code is in
 * those added.
 */
static bool ipa_added(const struct rr_patched *p)
{
	return p->added_by && !strcmp(p->added_by, "ipa-clones");
}

static void print_patched(const struct report *r)
{
	size_t n = 0;

	printf("patched %s", r->n_patched ? "" : "nothing");
	/* the functions named or derived from the patch, then those added */
	for (int added = 0; added < 2; added++)
		for (size_t i = 0; i < r->n_patched; i++) {
			const struct rr_patched *p = &r->patched[i];

			if (ipa_added(p) != added)
				continue;
			printf("%s%s", n++ ? ", " : "", p->old_name);
			if (!added)
				continue;
			printf(" (added by IPA clones");
			for (size_t k = 0; k < p->contains.n; k++)
				printf("%s%s", k ? ", " : ": contains ", p->contains.v[k]);
			printf(")");
		}
	for (size_t i = 0; i < r->inlined_everywhere.n; i++)
		printf("%s%s", i ? ", " : "; not patched: ", r->inlined_everywhere.v[i]);
	if (r->inlined_everywhere.n > 1)
		printf(" (no body of their own in the binary: GCC inlined them everywhere or "
		       "left only clones; copied into the patched functions holding their code)");
	else if (r->inlined_everywhere.n)
		printf(" (no body of its own in the binary: GCC inlined it everywhere or left "
		       "only clones; copied into the patched functions holding its code)");
}

static void print_unit(const struct build_unit *u, const struct report *r, size_t *n_ext)
{
	printf("  %s: ", u->source);
	print_patched(r);
	printf("; %zu externalized", r->n_ext);
	if (r->warnings.n)
		printf("; %zu warning(s) (units/%s.log)", r->warnings.n, u->base);
	printf("\n");
	*n_ext += r->n_ext;
}

int build_print_summary(const struct build_options *o, const struct build_plan *plan)
{
	struct strlist klp = { 0 };
	char *ko = xasprintf("%s/%s.ko", o->outdir, o->name);
	size_t n_ext = 0;
	int rc = 0;

	printf("klp-ccp build: livepatch %s from %zu unit(s)\n", o->name, plan->n);
	for (size_t i = 0; i < plan->n && !rc; i++) {
		struct report r = { 0 };
		char *path = xasprintf("%s/units/%s.yaml", o->outdir, plan->units[i].base);

		rc = report_read(path, &r);
		if (!rc)
			print_unit(&plan->units[i], &r, &n_ext);
		report_release(&r);
		free(path);
	}
	if (!rc && klp_symbols(ko, &klp)) {
		diag_error("build: cannot read the module '%s'", ko);
		rc = -1;
	}
	if (!rc) {
		printf("  externalized symbols: %zu; through klp relocations: %zu", n_ext, klp.n);
		for (size_t i = 0; i < klp.n; i++)
			printf("%s%s", i ? " " : " (", klp.v[i]);
		printf("%s\n  module: %s\n", klp.n ? ")" : "", ko);
	}
	strlist_release(&klp);
	free(ko);
	return rc;
}
