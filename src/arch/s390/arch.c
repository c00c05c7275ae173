/*
 * s390x: big endian, instructions of 2, 4 or 6 bytes. PC-relative fields
 * (*DBL: halfword-scaled) sit 2 bytes into the instruction (brasl, larl,
 * jg...) and the CPU adds them to the instruction's address: the linker
 * computes S + A - P with P = instruction + 2, so what a reference designates
 * is the addend minus 2.
 */
#include <elf.h>
#include <stddef.h>
#include <stdint.h>

#include "klp-ccp/arch.h"

#define ROWS(t) (unsigned)(sizeof(t) / sizeof((t)[0]))

/* Newer than glibc's elf.h (bpp/bprp instructions). */
#define KLP_R_390_PC12DBL 62
#define KLP_R_390_PLT12DBL 63
#define KLP_R_390_PC24DBL 64
#define KLP_R_390_PLT24DBL 65

static const struct arch_reloc_row s390_rows[] = {
	{ R_390_NONE, 0, false, 0, 0, "R_390_NONE" },
	{ R_390_8, 1, false, 0, 0, "R_390_8" },
	{ R_390_12, 2, false, 0, 0, "R_390_12" },
	{ R_390_16, 2, false, 0, 0, "R_390_16" },
	{ R_390_20, 3, false, 0, 0, "R_390_20" },
	{ R_390_32, 4, false, 0, 0, "R_390_32" },
	{ R_390_64, 8, false, 0, 0, "R_390_64" },
	{ R_390_PC16, 2, true, 0, 0, "R_390_PC16" },
	{ R_390_PC32, 4, true, 0, 0, "R_390_PC32" },
	{ R_390_PC64, 8, true, 0, 0, "R_390_PC64" },
	{ R_390_PC16DBL, 2, true, -2, 0, "R_390_PC16DBL" },
	{ R_390_PLT16DBL, 2, true, -2, R_390_PC16DBL, "R_390_PLT16DBL" },
	{ R_390_PC32DBL, 4, true, -2, 0, "R_390_PC32DBL" },
	/* a call through the PLT of a kernel object is a direct call */
	{ R_390_PLT32DBL, 4, true, -2, R_390_PC32DBL, "R_390_PLT32DBL" },
	{ R_390_PLT32, 4, true, 0, R_390_PC32, "R_390_PLT32" },
	{ R_390_PLT64, 8, true, 0, R_390_PC64, "R_390_PLT64" },
	{ R_390_GOTENT, 4, true, -2, 0, "R_390_GOTENT" },
	{ R_390_GOTPCDBL, 4, true, -2, 0, "R_390_GOTPCDBL" },
	{ R_390_GOTPLTENT, 4, true, -2, 0, "R_390_GOTPLTENT" },
	/* bit fields of bpp/bprp: the bytes holding them */
	{ KLP_R_390_PC12DBL, 2, true, -1, 0, "R_390_PC12DBL" },
	{ KLP_R_390_PLT12DBL, 2, true, -1, KLP_R_390_PC12DBL, "R_390_PLT12DBL" },
	{ KLP_R_390_PC24DBL, 3, true, -3, 0, "R_390_PC24DBL" },
	{ KLP_R_390_PLT24DBL, 3, true, -3, KLP_R_390_PC24DBL, "R_390_PLT24DBL" },
};

static void s390_reloc(uint32_t type, struct arch_reloc *out)
{
	arch_table_reloc(s390_rows, ROWS(s390_rows), type, 4, out);
}

/* brasl/brcl (jg): a big-endian halfword count 2 bytes into the instruction. */
static bool s390_field_value(uint32_t type, const unsigned char *p, int64_t *value)
{
	uint32_t v = (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];

	if (type != R_390_PC32DBL && type != R_390_PLT32DBL)
		return false;
	*value = (int64_t)(int32_t)v * 2;
	return true;
}

static uint32_t s390_branch_type(const unsigned char *code, size_t size, uint64_t off)
{
	if (off < 2 || off + 4 > size || code[off - 2] != 0xc0 ||
	    ((code[off - 1] & 0x0f) != 0x5 && (code[off - 1] & 0x0f) != 0x4))
		return 0;
	return R_390_PLT32DBL;
}

static const char *const s390x_triples[] = { "s390x", NULL };
/* -mrecord-mcount; -mnop-mcount leaves the call sites as nops */
static const char *const s390_ftrace[] = { "__mcount_loc", NULL };

const struct arch arch_s390x = {
	.name = "s390x",
	.machine = EM_S390,
	.triples = s390x_triples,
	.reloc = s390_reloc,
	.ftrace_sections = s390_ftrace,
	.field_value = s390_field_value,
	.branch_type = s390_branch_type,
};
