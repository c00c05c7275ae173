/*
 * Which functions of a linked target (vmlinux, a program) ftrace can hook
 * (sym_facts.untraced). A relocatable object says it by the relocations of
 * its __mcount_loc / __patchable_function_entries entries (facts_calls.c);
 * in a linked image those entries are plain addresses, gathered by the
 * kernel's linker script between __start_mcount_loc and __stop_mcount_loc.
 * A function none of them points into has no call site ftrace could patch:
 * no livepatch can redirect it.
 */
#include <gelf.h>
#include <stdlib.h>
#include <string.h>

#define KLP_CCP_FACTS_INTERNAL
#include "klp-ccp/facts.h"
#include "klp-ccp/util.h"

static int cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;

	return a < b ? -1 : a > b;
}

static uint64_t read_word(const unsigned char *p, size_t w, bool big_endian)
{
	uint64_t v = 0;

	for (size_t i = 0; i < w; i++)
		v |= (uint64_t)p[big_endian ? w - 1 - i : i] << (8 * i);
	return v;
}

/* The loaded, allocated section holding [start, stop), or NULL. */
static Elf_Data *table_data(Elf *elf, uint64_t start, uint64_t stop, uint64_t *base)
{
	Elf_Scn *scn = NULL;

	while ((scn = elf_nextscn(elf, scn))) {
		GElf_Shdr sh;
		Elf_Data *d;

		if (!gelf_getshdr(scn, &sh) || sh.sh_type == SHT_NOBITS ||
		    !(sh.sh_flags & SHF_ALLOC) || start < sh.sh_addr ||
		    stop > sh.sh_addr + sh.sh_size)
			continue;
		d = elf_getdata(scn, NULL);
		if (!d || !d->d_buf || stop - sh.sh_addr > d->d_size)
			return NULL;
		*base = sh.sh_addr;
		return d;
	}
	return NULL;
}

void facts_ftrace_read(struct fobj *o, Elf *elf, uint64_t start, uint64_t stop)
{
	GElf_Ehdr eh;
	size_t w;
	uint64_t base;
	Elf_Data *d;
	bool big;

	if (stop <= start || !gelf_getehdr(elf, &eh))
		return;
	w = eh.e_ident[EI_CLASS] == ELFCLASS64 ? 8 : 4;
	big = eh.e_ident[EI_DATA] == ELFDATA2MSB;
	d = table_data(elf, start, stop, &base);
	if (!d || (stop - start) % w)
		return;
	o->n_ftrace_sites = (size_t)((stop - start) / w);
	o->ftrace_sites = xcalloc(o->n_ftrace_sites, sizeof(*o->ftrace_sites));
	for (size_t i = 0; i < o->n_ftrace_sites; i++)
		o->ftrace_sites[i] = read_word((const unsigned char *)d->d_buf +
					       (start - base) + i * w, w, big);
	qsort(o->ftrace_sites, o->n_ftrace_sites, sizeof(*o->ftrace_sites), cmp_u64);
}

/* Is there a site in [from, to)? */
static bool site_within(const struct fobj *o, uint64_t from, uint64_t to)
{
	size_t lo = 0, hi = o->n_ftrace_sites;

	while (lo < hi) {	/* first site >= from */
		size_t mid = lo + (hi - lo) / 2;

		if (o->ftrace_sites[mid] < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < o->n_ftrace_sites && o->ftrace_sites[lo] < to;
}

void facts_ftrace(const struct facts_db *db, const struct fsym *def, struct sym_facts *f)
{
	const struct fobj *o;

	if (!def)
		return;
	o = &db->objs[def->obj];
	if (!o->n_ftrace_sites || def->type != STT_FUNC)
		return;
	f->untraced = !site_within(o, def->value, def->value + (def->size ? def->size : 1));
}
