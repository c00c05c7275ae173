/*
 * The list of architectures (include/klp-ccp/arch.h) and what is common to
 * their descriptions: table lookup of relocation types, optional fields.
 */
#include <stddef.h>
#include <string.h>

#include "klp-ccp/arch.h"

static const struct arch *const arches[] = {
	&arch_x86_64, &arch_i386, &arch_ppc64le, &arch_s390x, &arch_arm64, NULL
};

/* Unknown machines: byte fields of 4, nothing PC-relative. */
static void generic_reloc(uint32_t type, struct arch_reloc *out)
{
	out->size = type ? 4 : 0;
	out->pcrel = false;
	out->bias = 0;
	out->cls = type;
	out->name = NULL;
}

static const struct arch arch_generic = {
	.name = "unknown",
	.reloc = generic_reloc,
};

const struct arch *arch_by_machine(uint16_t machine)
{
	for (size_t i = 0; arches[i]; i++)
		if (arches[i]->machine == machine)
			return arches[i];
	return &arch_generic;
}

const struct arch *arch_by_triple(const char *triple)
{
	if (!triple)
		return NULL;
	for (size_t i = 0; arches[i]; i++)
		for (const char *const *t = arches[i]->triples; *t; t++)
			if (!strncmp(triple, *t, strlen(*t)) && triple[strlen(*t)] == '-')
				return arches[i];
	return NULL;
}

void arch_reloc(uint16_t machine, uint32_t type, struct arch_reloc *out)
{
	arch_by_machine(machine)->reloc(type, out);
}

void arch_table_reloc(const struct arch_reloc_row *table, unsigned n, uint32_t type,
		      unsigned default_size, struct arch_reloc *out)
{
	for (unsigned i = 0; i < n; i++) {
		if (table[i].type != type)
			continue;
		out->size = table[i].size;
		out->pcrel = table[i].pcrel;
		out->bias = table[i].bias;
		out->cls = table[i].cls ? table[i].cls : type;
		out->name = table[i].name;
		return;
	}
	out->size = default_size;
	out->pcrel = false;
	out->bias = 0;
	out->cls = type;
	out->name = NULL;
}

unsigned arch_local_entry(const struct arch *a, unsigned char st_other)
{
	return a->local_entry ? a->local_entry(st_other) : 0;
}

static bool in_names(const char *const *names, const char *s)
{
	for (; names && *names; names++)
		if (!strcmp(*names, s))
			return true;
	return false;
}

bool arch_indirect_section(const struct arch *a, const char *section)
{
	return in_names(a->indirect_sections, section);
}

bool arch_ftrace_section(const struct arch *a, const char *section)
{
	return in_names(a->ftrace_sections, section);
}
