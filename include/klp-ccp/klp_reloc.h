/*
 * klp relocations (Documentation/livepatch/module-elf-format.rst): rewrite a
 * linked livepatch module so that its references to symbols the kernel does
 * not export become livepatch symbols (".klp.sym.OBJ.NAME,POS", SHN_LIVEPATCH)
 * whose relocations live in ".klp.rela.OBJ.SECTION" sections (SHF_ALLOC |
 * SHF_RELA_LIVEPATCH), which the livepatch core applies itself.
 */
#ifndef KLP_CCP_KLP_RELOC_H
#define KLP_CCP_KLP_RELOC_H

#include <stdbool.h>
#include <stddef.h>

#include "klp-ccp/maps.h"

/* Where a symbol the module references lives in the running kernel. */
struct klp_place {
	char *elf_name;		/* the undefined symbol in the module */
	char *object;		/* "vmlinux" or a module name (as the kernel spells it) */
	char *name;		/* the kernel's symbol */
	unsigned long sympos;	/* kallsyms position among same-named symbols, 0: unique */
};

struct klp_places {
	struct klp_place *v;
	size_t n, cap;
	struct strmap by_elf;	/* elf_name -> index */
};

/* The symbols file glue writes: "ELF-SYMBOL OBJECT SYMBOL SYMPOS" lines. */
#define KLP_SYMBOLS_FILE "klp-symbols"

/* Add a placement; false (nothing added) when elf_name is already placed. */
bool klp_places_add(struct klp_places *p, const char *elf_name, const char *object,
		    const char *name, unsigned long sympos);
/* Read a symbols file. 0 or -1 (diagnosed with file:line). */
int klp_places_read(struct klp_places *p, const char *path);
void klp_places_release(struct klp_places *p);
/*
 * Write, in Module.symvers format, the placed symbols exported does not name
 * (NULL: all), as exports of vmlinux: modpost's KBUILD_EXTRA_SYMBOLS. 0 or -1.
 */
int klp_places_write_symvers(const struct klp_places *p, const struct strmap *exported,
			     const char *path);

struct klp_reloc_options {
	const char *input, *output;	/* output may equal input (replaced atomically) */
	const struct klp_places *places;
	const struct strmap *exported;	/* Module.symvers names; NULL: not known */
	bool verbose;
};

/*
 * Convert. With exported known, an undefined symbol that is neither exported
 * nor placed is an error naming it; without, such symbols are left alone.
 * *n_converted gets the number of symbols converted. 0 or -1 (diagnosed).
 */
int klp_reloc_convert(const struct klp_reloc_options *o, size_t *n_converted);
/*
 * The same check on o->input without changing it (the module's object before
 * modpost): an undefined symbol neither exported nor placed is an error
 * naming it and the function using it. 0 or -1.
 */
int klp_reloc_check(const struct klp_reloc_options *o);

#endif
