/*
 * arm64: fixed 4-byte instructions whose relocated fields are bit fields
 * (imm26 of bl/b, imm21 of adrp, imm12 of add/ldr/str...): the instruction
 * word is masked whole. PC-relative fields are relative to the instruction
 * itself (adrp: to its 4 KiB page), so no bias. Ftrace call sites are
 * -fpatchable-function-entry nops.
 */
#include <elf.h>
#include <stddef.h>
#include <stdint.h>

#include "klp-ccp/arch.h"

#define ROWS(t) (unsigned)(sizeof(t) / sizeof((t)[0]))

static const struct arch_reloc_row arm64_rows[] = {
	{ R_AARCH64_NONE, 0, false, 0, 0, "R_AARCH64_NONE" },
	{ R_AARCH64_ABS64, 8, false, 0, 0, "R_AARCH64_ABS64" },
	{ R_AARCH64_ABS32, 4, false, 0, 0, "R_AARCH64_ABS32" },
	{ R_AARCH64_ABS16, 2, false, 0, 0, "R_AARCH64_ABS16" },
	{ R_AARCH64_PREL64, 8, true, 0, 0, "R_AARCH64_PREL64" },
	{ R_AARCH64_PREL32, 4, true, 0, 0, "R_AARCH64_PREL32" },
	{ R_AARCH64_PREL16, 2, true, 0, 0, "R_AARCH64_PREL16" },
	{ R_AARCH64_CALL26, 4, true, 0, 0, "R_AARCH64_CALL26" },
	{ R_AARCH64_JUMP26, 4, true, 0, 0, "R_AARCH64_JUMP26" },
	{ R_AARCH64_CONDBR19, 4, true, 0, 0, "R_AARCH64_CONDBR19" },
	{ R_AARCH64_TSTBR14, 4, true, 0, 0, "R_AARCH64_TSTBR14" },
	{ R_AARCH64_LD_PREL_LO19, 4, true, 0, 0, "R_AARCH64_LD_PREL_LO19" },
	{ R_AARCH64_ADR_PREL_LO21, 4, true, 0, 0, "R_AARCH64_ADR_PREL_LO21" },
	{ R_AARCH64_ADR_PREL_PG_HI21, 4, true, 0, 0, "R_AARCH64_ADR_PREL_PG_HI21" },
	{ R_AARCH64_ADR_PREL_PG_HI21_NC, 4, true, 0, 0, "R_AARCH64_ADR_PREL_PG_HI21_NC" },
	{ R_AARCH64_ADD_ABS_LO12_NC, 4, false, 0, 0, "R_AARCH64_ADD_ABS_LO12_NC" },
	{ R_AARCH64_LDST8_ABS_LO12_NC, 4, false, 0, 0, "R_AARCH64_LDST8_ABS_LO12_NC" },
	{ R_AARCH64_LDST16_ABS_LO12_NC, 4, false, 0, 0, "R_AARCH64_LDST16_ABS_LO12_NC" },
	{ R_AARCH64_LDST32_ABS_LO12_NC, 4, false, 0, 0, "R_AARCH64_LDST32_ABS_LO12_NC" },
	{ R_AARCH64_LDST64_ABS_LO12_NC, 4, false, 0, 0, "R_AARCH64_LDST64_ABS_LO12_NC" },
	{ R_AARCH64_LDST128_ABS_LO12_NC, 4, false, 0, 0, "R_AARCH64_LDST128_ABS_LO12_NC" },
	{ R_AARCH64_ADR_GOT_PAGE, 4, true, 0, 0, "R_AARCH64_ADR_GOT_PAGE" },
	{ R_AARCH64_LD64_GOT_LO12_NC, 4, false, 0, 0, "R_AARCH64_LD64_GOT_LO12_NC" },
};

static void arm64_reloc(uint32_t type, struct arch_reloc *out)
{
	arch_table_reloc(arm64_rows, ROWS(arm64_rows), type, 4, out);
}

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* b/bl: imm26, in instructions. */
static bool arm64_field_value(uint32_t type, const unsigned char *p, int64_t *value)
{
	uint32_t insn = le32(p);

	if ((type != R_AARCH64_CALL26 && type != R_AARCH64_JUMP26) ||
	    (insn & 0x7c000000) != 0x14000000)
		return false;
	*value = (int64_t)((int32_t)(insn << 6) >> 6) * 4;
	return true;
}

static uint32_t arm64_branch_type(const unsigned char *code, size_t size, uint64_t off)
{
	uint32_t insn;

	if (off % 4 || off + 4 > size)
		return 0;
	insn = le32(code + off);
	if ((insn & 0x7c000000) != 0x14000000)
		return 0;
	return insn & 0x80000000 ? R_AARCH64_CALL26 : R_AARCH64_JUMP26;
}

static const char *const arm64_triples[] = { "aarch64", NULL };
static const char *const arm64_ftrace[] = { "__patchable_function_entries", NULL };

const struct arch arch_arm64 = {
	.name = "arm64",
	.machine = EM_AARCH64,
	.triples = arm64_triples,
	.reloc = arm64_reloc,
	.ftrace_sections = arm64_ftrace,
	.field_value = arm64_field_value,
	.branch_type = arm64_branch_type,
};
