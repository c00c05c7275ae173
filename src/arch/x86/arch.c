/*
 * x86_64 and i386: byte-aligned relocation fields; a PC-relative field in
 * code is relative to the end of the instruction, which is where the field
 * ends in every call, jump and RIP-relative form: a bias of the field size.
 */
#include <elf.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "klp-ccp/arch.h"

#define ROWS(t) (unsigned)(sizeof(t) / sizeof((t)[0]))

static const struct arch_reloc_row x86_64_rows[] = {
	{ R_X86_64_NONE, 0, false, 0, 0, "R_X86_64_NONE" },
	{ R_X86_64_64, 8, false, 0, 0, "R_X86_64_64" },
	{ R_X86_64_32, 4, false, 0, 0, "R_X86_64_32" },
	{ R_X86_64_32S, 4, false, 0, 0, "R_X86_64_32S" },
	{ R_X86_64_PC32, 4, true, 4, 0, "R_X86_64_PC32" },
	/* a call through the PLT of a kernel object is a direct call */
	{ R_X86_64_PLT32, 4, true, 4, R_X86_64_PC32, "R_X86_64_PLT32" },
	{ R_X86_64_GOTPCREL, 4, true, 4, 0, "R_X86_64_GOTPCREL" },
	{ R_X86_64_GOTPCRELX, 4, true, 4, 0, "R_X86_64_GOTPCRELX" },
	{ R_X86_64_REX_GOTPCRELX, 4, true, 4, 0, "R_X86_64_REX_GOTPCRELX" },
	{ R_X86_64_GOTPC32, 4, true, 4, 0, "R_X86_64_GOTPC32" },
	{ R_X86_64_GOTTPOFF, 4, true, 4, 0, "R_X86_64_GOTTPOFF" },
	{ R_X86_64_TLSGD, 4, true, 4, 0, "R_X86_64_TLSGD" },
	{ R_X86_64_TLSLD, 4, true, 4, 0, "R_X86_64_TLSLD" },
	{ R_X86_64_PC64, 8, false, 0, 0, "R_X86_64_PC64" },
	{ R_X86_64_GOTOFF64, 8, false, 0, 0, "R_X86_64_GOTOFF64" },
	{ R_X86_64_GOTPC64, 8, false, 0, 0, "R_X86_64_GOTPC64" },
	{ R_X86_64_SIZE64, 8, false, 0, 0, "R_X86_64_SIZE64" },
	{ R_X86_64_DTPOFF64, 8, false, 0, 0, "R_X86_64_DTPOFF64" },
	{ R_X86_64_TPOFF64, 8, false, 0, 0, "R_X86_64_TPOFF64" },
	{ R_X86_64_DTPMOD64, 8, false, 0, 0, "R_X86_64_DTPMOD64" },
	{ R_X86_64_GOT64, 8, false, 0, 0, "R_X86_64_GOT64" },
	{ R_X86_64_GOTPCREL64, 8, false, 0, 0, "R_X86_64_GOTPCREL64" },
	{ R_X86_64_GOTPLT64, 8, false, 0, 0, "R_X86_64_GOTPLT64" },
	{ R_X86_64_PLTOFF64, 8, false, 0, 0, "R_X86_64_PLTOFF64" },
	{ R_X86_64_16, 2, false, 0, 0, "R_X86_64_16" },
	{ R_X86_64_PC16, 2, false, 0, 0, "R_X86_64_PC16" },
	{ R_X86_64_8, 1, false, 0, 0, "R_X86_64_8" },
	{ R_X86_64_PC8, 1, false, 0, 0, "R_X86_64_PC8" },
};

static const struct arch_reloc_row i386_rows[] = {
	{ R_386_NONE, 0, false, 0, 0, "R_386_NONE" },
	{ R_386_32, 4, false, 0, 0, "R_386_32" },
	{ R_386_PC32, 4, true, 4, 0, "R_386_PC32" },
	{ R_386_PLT32, 4, true, 4, R_386_PC32, "R_386_PLT32" },
	{ R_386_16, 2, false, 0, 0, "R_386_16" },
};

static void x86_64_reloc(uint32_t type, struct arch_reloc *out)
{
	arch_table_reloc(x86_64_rows, ROWS(x86_64_rows), type, 4, out);
}

static void i386_reloc(uint32_t type, struct arch_reloc *out)
{
	arch_table_reloc(i386_rows, ROWS(i386_rows), type, 4, out);
}

/* PC32/PLT32 fields are plain signed 32-bit little-endian integers. */
static bool x86_64_field_value(uint32_t type, const unsigned char *p, int64_t *value)
{
	if (type != R_X86_64_PC32 && type != R_X86_64_PLT32)
		return false;
	*value = (int32_t)((uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
			   (uint32_t)p[3] << 24);
	return true;
}

static bool i386_field_value(uint32_t type, const unsigned char *p, int64_t *value)
{
	return (type == R_386_PC32 || type == R_386_PLT32) &&
	       x86_64_field_value(R_X86_64_PC32, p, value);
}

/* The rel32 operand of call (e8), jmp (e9) or jcc (0f 8x). */
static bool rel32_branch(const unsigned char *code, size_t size, uint64_t off)
{
	if (off < 1 || off + 4 > size)
		return false;
	if (code[off - 1] == 0xe8 || code[off - 1] == 0xe9)
		return true;
	return off >= 2 && code[off - 2] == 0x0f && (code[off - 1] & 0xf0) == 0x80;
}

static uint32_t x86_64_branch_type(const unsigned char *code, size_t size, uint64_t off)
{
	return rel32_branch(code, size, off) ? R_X86_64_PLT32 : 0;
}

static uint32_t i386_branch_type(const unsigned char *code, size_t size, uint64_t off)
{
	return rel32_branch(code, size, off) ? R_386_PC32 : 0;
}

/* jmp rel8/rel32, or the 2/5-byte no-ops objtool and the kernel write there */
static unsigned x86_jump_site_len(const unsigned char *p, size_t avail)
{
	static const unsigned char nop5[] = { 0x0f, 0x1f, 0x44, 0x00, 0x00 };

	if (avail >= 2 && (p[0] == 0xeb || (p[0] == 0x66 && p[1] == 0x90)))
		return 2;
	if (avail >= 5 && (p[0] == 0xe9 || !memcmp(p, nop5, 5)))
		return 5;
	return 0;
}

static const char *const x86_64_triples[] = { "x86_64", NULL };
static const char *const i386_triples[] = { "i386", "i486", "i586", "i686", NULL };
/* objtool / -mrecord-mcount; -fpatchable-function-entry (CALL_PADDING) */
static const char *const x86_ftrace[] = { "__mcount_loc", "__patchable_function_entries", NULL };

const struct arch arch_x86_64 = {
	.name = "x86_64",
	.machine = EM_X86_64,
	.triples = x86_64_triples,
	.reloc = x86_64_reloc,
	.ftrace_sections = x86_ftrace,
	.field_value = x86_64_field_value,
	.branch_type = x86_64_branch_type,
	.jump_site_len = x86_jump_site_len,
	.jmp_short_op = 0xeb, .jmp_short_len = 2, .jmp_long_op = 0xe9, .jmp_long_len = 5,
};

const struct arch arch_i386 = {
	.name = "i386",
	.machine = EM_386,
	.triples = i386_triples,
	.reloc = i386_reloc,
	.ftrace_sections = x86_ftrace,
	.field_value = i386_field_value,
	.branch_type = i386_branch_type,
	.jump_site_len = x86_jump_site_len,
	.jmp_short_op = 0xeb, .jmp_short_len = 2, .jmp_long_op = 0xe9, .jmp_long_len = 5,
};
