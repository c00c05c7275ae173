/*
 * ppc64le (ELFv2, little endian): instructions are 4 bytes; a 16-bit
 * immediate (@ha, @l, @toc@ha...) is the low half of the word, which is where
 * r_offset points, so those fields are 2 bytes; branch fields are bit fields
 * of the instruction word, masked whole. A function has a global entry that
 * sets up r2 (the TOC pointer) from r12 and a local entry after it (st_other
 * says how far); kernel code built with -mcmodel=medium reaches external data
 * through .toc entries, which are compared by what they point to.
 */
#include <elf.h>
#include <stddef.h>
#include <stdint.h>

#include "klp-ccp/arch.h"

#define ROWS(t) (unsigned)(sizeof(t) / sizeof((t)[0]))

/* Newer than glibc's elf.h. */
#define KLP_R_PPC64_REL24_NOTOC 116
#define KLP_R_PPC64_ENTRY 118
#define KLP_R_PPC64_PCREL34 132

static const struct arch_reloc_row ppc64_rows[] = {
	{ R_PPC64_NONE, 0, false, 0, 0, "R_PPC64_NONE" },
	{ R_PPC64_ADDR32, 4, false, 0, 0, "R_PPC64_ADDR32" },
	{ R_PPC64_ADDR64, 8, false, 0, 0, "R_PPC64_ADDR64" },
	{ R_PPC64_UADDR64, 8, false, 0, 0, "R_PPC64_UADDR64" },
	{ R_PPC64_TOC, 8, false, 0, 0, "R_PPC64_TOC" },
	{ R_PPC64_REL32, 4, true, 0, 0, "R_PPC64_REL32" },
	{ R_PPC64_REL64, 8, true, 0, 0, "R_PPC64_REL64" },
	{ R_PPC64_REL24, 4, true, 0, 0, "R_PPC64_REL24" },
	/* the same call, from code that does not keep r2 (pc-relative) */
	{ KLP_R_PPC64_REL24_NOTOC, 4, true, 0, R_PPC64_REL24, "R_PPC64_REL24_NOTOC" },
	{ R_PPC64_REL14, 4, true, 0, 0, "R_PPC64_REL14" },
	{ R_PPC64_REL14_BRTAKEN, 4, true, 0, 0, "R_PPC64_REL14_BRTAKEN" },
	{ R_PPC64_REL14_BRNTAKEN, 4, true, 0, 0, "R_PPC64_REL14_BRNTAKEN" },
	{ R_PPC64_REL16, 2, true, 0, 0, "R_PPC64_REL16" },
	{ R_PPC64_REL16_LO, 2, true, 0, 0, "R_PPC64_REL16_LO" },
	{ R_PPC64_REL16_HI, 2, true, 0, 0, "R_PPC64_REL16_HI" },
	{ R_PPC64_REL16_HA, 2, true, 0, 0, "R_PPC64_REL16_HA" },
	{ R_PPC64_ADDR16, 2, false, 0, 0, "R_PPC64_ADDR16" },
	{ R_PPC64_ADDR16_LO, 2, false, 0, 0, "R_PPC64_ADDR16_LO" },
	{ R_PPC64_ADDR16_HI, 2, false, 0, 0, "R_PPC64_ADDR16_HI" },
	{ R_PPC64_ADDR16_HA, 2, false, 0, 0, "R_PPC64_ADDR16_HA" },
	{ R_PPC64_ADDR16_LO_DS, 2, false, 0, 0, "R_PPC64_ADDR16_LO_DS" },
	{ R_PPC64_ADDR16_HIGHER, 2, false, 0, 0, "R_PPC64_ADDR16_HIGHER" },
	{ R_PPC64_ADDR16_HIGHERA, 2, false, 0, 0, "R_PPC64_ADDR16_HIGHERA" },
	{ R_PPC64_ADDR16_HIGHEST, 2, false, 0, 0, "R_PPC64_ADDR16_HIGHEST" },
	{ R_PPC64_ADDR16_HIGHESTA, 2, false, 0, 0, "R_PPC64_ADDR16_HIGHESTA" },
	{ R_PPC64_TOC16, 2, false, 0, 0, "R_PPC64_TOC16" },
	{ R_PPC64_TOC16_LO, 2, false, 0, 0, "R_PPC64_TOC16_LO" },
	{ R_PPC64_TOC16_HI, 2, false, 0, 0, "R_PPC64_TOC16_HI" },
	{ R_PPC64_TOC16_HA, 2, false, 0, 0, "R_PPC64_TOC16_HA" },
	{ R_PPC64_TOC16_DS, 2, false, 0, 0, "R_PPC64_TOC16_DS" },
	{ R_PPC64_TOC16_LO_DS, 2, false, 0, 0, "R_PPC64_TOC16_LO_DS" },
	{ R_PPC64_GOT16, 2, false, 0, 0, "R_PPC64_GOT16" },
	{ R_PPC64_GOT16_LO, 2, false, 0, 0, "R_PPC64_GOT16_LO" },
	{ R_PPC64_GOT16_HA, 2, false, 0, 0, "R_PPC64_GOT16_HA" },
	{ R_PPC64_GOT16_DS, 2, false, 0, 0, "R_PPC64_GOT16_DS" },
	{ R_PPC64_GOT16_LO_DS, 2, false, 0, 0, "R_PPC64_GOT16_LO_DS" },
	/* markers with no field */
	{ R_PPC64_TOCSAVE, 0, false, 0, 0, "R_PPC64_TOCSAVE" },
	{ KLP_R_PPC64_ENTRY, 0, false, 0, 0, "R_PPC64_ENTRY" },
	{ R_PPC64_TLS, 0, false, 0, 0, "R_PPC64_TLS" },
	/* a prefixed instruction: 8 bytes */
	{ KLP_R_PPC64_PCREL34, 8, true, 0, 0, "R_PPC64_PCREL34" },
};

static void ppc64_reloc(uint32_t type, struct arch_reloc *out)
{
	arch_table_reloc(ppc64_rows, ROWS(ppc64_rows), type, 4, out);
}

static unsigned ppc64_local_entry(unsigned char st_other)
{
	return PPC64_LOCAL_ENTRY_OFFSET(st_other);
}

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* b/bl (I-form, not absolute): LI, in bytes. */
static bool i_form_branch(uint32_t insn)
{
	return (insn & 0xfc000002) == 0x48000000;
}

static bool ppc64_field_value(uint32_t type, const unsigned char *p, int64_t *value)
{
	uint32_t insn = le32(p);

	if ((type != R_PPC64_REL24 && type != KLP_R_PPC64_REL24_NOTOC) || !i_form_branch(insn))
		return false;
	*value = (int32_t)((insn & 0x03fffffc) << 6) >> 6;
	return true;
}

static uint32_t ppc64_branch_type(const unsigned char *code, size_t size, uint64_t off)
{
	if (off % 4 || off + 4 > size || !i_form_branch(le32(code + off)))
		return 0;
	return R_PPC64_REL24;
}

static const char *const ppc64le_triples[] = { "powerpc64le", "ppc64le", NULL };
static const char *const ppc64_indirect[] = { ".toc", NULL };
/* recordmcount (kbuild) / -mprofile-kernel call sites; 6.6+ patchable entries */
static const char *const ppc64_ftrace[] = { "__mcount_loc", "__patchable_function_entries", NULL };

const struct arch arch_ppc64le = {
	.name = "ppc64le",
	.machine = EM_PPC64,
	.triples = ppc64le_triples,
	.reloc = ppc64_reloc,
	.indirect_sections = ppc64_indirect,
	.local_entry = ppc64_local_entry,
	.ftrace_sections = ppc64_ftrace,
	.field_value = ppc64_field_value,
	.branch_type = ppc64_branch_type,
};
