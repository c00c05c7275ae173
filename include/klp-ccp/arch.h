/*
 * What klp-ccp must know about the machine a kernel was built for, behind one
 * interface (after objtool's arch/ split): common code asks the struct arch of
 * an ELF e_machine or of GCC's target triple and never tests which
 * architecture it runs for. One directory per architecture, src/arch/NAME/,
 * defines its struct arch; src/arch/arch.c knows the list.
 *
 * Relocations: how a relocation type patches the bytes it applies to, so
 * that object comparison can mask the field and name the target; glue's klp
 * relocations can ask the same (arch_reloc()).
 */
#ifndef KLP_CCP_ARCH_H
#define KLP_CCP_ARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arch_reloc {
	unsigned size;		/* bytes to mask from r_offset (the whole instruction
				 * where the field is a bit field of it); 0: none */
	bool pcrel;		/* the field holds target - place */
	int64_t bias;		/* addend + bias = offset of what a PC-relative
				 * reference designates (x86 PC32: +4, s390 *DBL: -2) */
	uint32_t cls;		/* types the linker resolves alike share a class
				 * (x86 PLT32 and PC32, ppc64 REL24 and REL24_NOTOC) */
	const char *name;	/* R_... name, or NULL when unknown */
};

struct arch {
	const char *name;		/* "x86_64", "ppc64le", "s390x", "arm64" */
	uint16_t machine;		/* ELF e_machine */
	const char *const *triples;	/* GCC target triple prefixes (-dumpmachine) */
	/* What relocation type TYPE does (never fails: unknown types get 4 bytes). */
	void (*reloc)(uint32_t type, struct arch_reloc *out);
	/* Sections whose relocated entries stand for what they point to (ppc64
	 * .toc): a reference to an entry is compared as a reference to its
	 * target. NULL: none. */
	const char *const *indirect_sections;
	/* Bytes from a function symbol's value to its local entry point, from
	 * st_other (ppc64 ELFv2: the TOC set-up a local call skips). NULL: 0. */
	unsigned (*local_entry)(unsigned char st_other);
	/* Sections where the compiler or kbuild records ftrace call sites. */
	const char *const *ftrace_sections;
	/* A reference the assembler resolved itself (a call between functions
	 * of one section has no relocation): the value the field of a
	 * relocation of type TYPE at P holds (target + addend - place), or
	 * false when that type's field is not a plain integer. NULL: never
	 * read (such references then only compare as bytes). */
	bool (*field_value)(uint32_t type, const unsigned char *p, int64_t *value);
	/* Is OFF of CODE (SIZE bytes) the PC-relative operand of a call or
	 * jump? The relocation type the assembler gives such an operand, else
	 * 0. NULL: not known (calls are then relocations to functions). */
	uint32_t (*branch_type)(const unsigned char *code, size_t size, uint64_t off);
	/* At a jump-label site (__jump_table): the length of the jump or no-op
	 * at P (AVAIL bytes), else 0. NULL: such sites compare as bytes. */
	unsigned (*jump_site_len)(const unsigned char *p, size_t avail);
	/* The unconditional jump an assembler writes short when its target is
	 * near in the section, else long with a relocation (x86: eb rel8, e9
	 * rel32): the opcodes and the instruction lengths; 0: none. */
	unsigned char jmp_short_op, jmp_short_len, jmp_long_op, jmp_long_len;
};

/* One row of an architecture's relocation table (see arch_table_reloc). */
struct arch_reloc_row {
	uint32_t type;
	unsigned char size;
	bool pcrel;
	signed char bias;
	uint32_t cls;		/* 0: the type itself */
	const char *name;
};

/* The architecture of ELF machine MACHINE; a generic one when unknown. */
const struct arch *arch_by_machine(uint16_t machine);
/* The architecture of a GCC target triple ("powerpc64le-linux-gnu"), or NULL. */
const struct arch *arch_by_triple(const char *triple);
/* Shorthand: what relocation TYPE of MACHINE does. */
void arch_reloc(uint16_t machine, uint32_t type, struct arch_reloc *out);

/* Fill OUT from TABLE (N rows); a type not in it gets DEFAULT_SIZE bytes. */
void arch_table_reloc(const struct arch_reloc_row *table, unsigned n, uint32_t type,
		      unsigned default_size, struct arch_reloc *out);
unsigned arch_local_entry(const struct arch *a, unsigned char st_other);
bool arch_indirect_section(const struct arch *a, const char *section);
bool arch_ftrace_section(const struct arch *a, const char *section);

extern const struct arch arch_x86_64, arch_i386, arch_ppc64le, arch_s390x, arch_arm64;

#endif
