/*
 * x86_64 and i386: byte-aligned relocation fields; a PC-relative field in
 * code is relative to the end of the instruction, which is where the field
 * ends in every call, jump and RIP-relative form: a bias of the field size.
 */
#include <elf.h>
#include <stddef.h>

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
};

const struct arch arch_i386 = {
	.name = "i386",
	.machine = EM_386,
	.triples = i386_triples,
	.reloc = i386_reloc,
	.ftrace_sections = x86_ftrace,
};
