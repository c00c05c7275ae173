/*
 * Binary facts: what the running binary really contains (DESIGN.md section 3).
 * Read from the target objects' ELF symbol tables (libelf), their DWARF
 * (libdwarf) and Module.symvers.
 */
#ifndef KLP_CCP_FACTS_H
#define KLP_CCP_FACTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "klp-ccp/util.h"

struct sym_facts {
	const char *name;
	bool present;			/* out-of-line under its own name */
	const char *binding;		/* "local", "global", "weak", or NULL when absent */
	unsigned sympos;		/* 1-based among same-named locals; 0 when not local */
	bool exported;
	const char *object;		/* "vmlinux", module name, or program name */
	struct strlist clones;		/* "SYMBOL KIND", KIND isra|constprop|part|cold|other */
	struct strlist inlined_into;	/* sorted function names */
	struct strlist callers_via_clones;	/* sorted */
	/*
	 * "CLONE P1,P2,..." per .constprop clone its DWARF describes: the
	 * parameters the clone kept (those IPA-CP did not replace by the one
	 * constant all callers passed), sorted; "CLONE " when it kept none
	 */
	struct strlist kept_params;
	bool cold;			/* present, in .text.unlikely: GCC found it cold */
	const char *discarded;		/* present, in .init.* or .exit.* (that section): code
					   freed after boot/load, or discarded */
	/*
	 * present in a target built with ftrace call sites (relocations of
	 * __mcount_loc, __patchable_function_entries; in a linked image the
	 * addresses between __start_mcount_loc and __stop_mcount_loc) that has
	 * none in its code: notrace, or a kernel "inline" GCC emitted out of line. ftrace
	 * cannot hook it, so no livepatch can redirect it.
	 */
	bool untraced;
	/*
	 * 1: its code (with its .cold part) in a relocatable target object calls
	 * or jumps to no function that object defines (only to others'), so a
	 * copy compiled elsewhere sees the same callees GCC saw; 0: it does;
	 * -1: unknown (absent, or the target is not a relocatable object).
	 */
	int self_contained;
	/* present: the alignment its address has in the target (the section's,
	   at most, in a relocatable object); 0 when unknown */
	uint64_t align;
	uint64_t code_size;		/* bytes of that code, 0 when unknown */
	/*
	 * code_size plus the code of every function of the object it calls,
	 * transitively (each once): what a copy of it and of its callees in
	 * the object takes (more than FACTS_TREE_SIZE_LIMIT: some value above
	 * it); 0 when unknown.
	 */
	uint64_t tree_size;
	/* base names of the object's functions its code (with .cold) calls or
	   jumps to, sorted (a relocatable target object only) */
	struct strlist callees;
};
struct facts_db;
#define FACTS_TREE_SIZE_LIMIT 4096
/* Load all objects (and Module.symvers if symvers != NULL); NULL with an error printed. */
struct facts_db *facts_open(const struct strlist *objects, const char *symvers);
/*
 * facts_open() leaving the DWARF readers (one child process per object) to
 * run on while the caller does other work (the parse); facts_finish() must
 * follow before anything else is asked of the facts. With source (the
 * extracted file, as its command line names it; may be NULL): the DWARF of
 * the units compiled from it only, when an object has any (vmlinux holds
 * them all), and facts_set_source(source).
 */
struct facts_db *facts_open_async(const struct strlist *objects, const char *symvers,
				   const char *source);
/* Wait for the DWARF readers and add what they found: 0, or -1 (error printed). */
int facts_finish(struct facts_db *db);
/* Facts about name (never NULL); valid until facts_close. */
const struct sym_facts *facts_get(struct facts_db *db, const char *name);
void facts_close(struct facts_db *db);
/* Is a target object a kernel one (vmlinux, a module, a kernel .o)? */
bool facts_kernel(const struct facts_db *db);

/*
 * Optional: the source file being extracted. Among same-named local symbols,
 * the one following an STT_FILE symbol with the same base name is chosen
 * (binding, sympos); without it, the first one is. Call before facts_get.
 */
void facts_set_source(struct facts_db *db, const char *source);

/*
 * The symbol of the static variable var declared in function fun (GCC names
 * it var.N), from the DWARF of the target objects, or NULL.
 */
const char *facts_local_static(const struct facts_db *db, const char *fun, const char *var);
/*
 * Object and sympos (1-based among same-named locals) of a local symbol;
 * unless align is NULL, *align = the alignment of the address of the first
 * defined symbol of that name, whatever its binding (sym_facts.align), 0:
 * unknown.
 */
bool facts_local_symbol(const struct facts_db *db, const char *sym, const char **object,
			unsigned *sympos, uint64_t *align);
/* Is every defined local symbol of this name (one at least) read-only data? */
bool facts_local_rodata(const struct facts_db *db, const char *sym);

/* "SYMBOL KIND" entry of sym_facts.clones: the symbol the clone was made from. */
char *facts_clone_origin(const char *clone_entry);

/* ---- internal to src/facts*.c and src/symvers.c -------------------------- */
#ifdef KLP_CCP_FACTS_INTERNAL
#include "klp-ccp/maps.h"

/* One ELF symbol of a target object. */
struct fsym {
	const char *name;	/* interned */
	const char *file;	/* STT_FILE group (interned), NULL before any */
	unsigned obj;		/* index into facts_db.objs */
	unsigned char bind;	/* STB_* */
	unsigned char type;	/* STT_* */
	bool defined;
	uint64_t value, size;	/* st_value (section-relative in ET_REL), st_size */
	uint64_t align;		/* defined: the alignment its address has (0: unknown) */
	bool unlikely;		/* in a .text.unlikely section */
	bool rodata;		/* an object in a read-only data section */
	const char *discarded;	/* .init.* or .exit.* section (interned), or NULL */
};

struct objcmp_obj;
struct fobj {
	char *path;
	bool relocatable;		/* ET_REL */
	struct objcmp_obj *code;	/* facts_calls.c: opened when first asked */
	bool code_tried;
	char *name;		/* vmlinux, module or program name */
	bool kernel;		/* vmlinux, a module, or a kernel .o */
	uint64_t *ftrace_sites;	/* linked image: its __mcount_loc table, sorted */
	size_t n_ftrace_sites;
};

/* Everything known about one base name (C identifier). */
struct fentry {
	const char *name;		/* interned */
	int *syms;			/* indices into facts_db.syms: exact name or clone */
	size_t n_syms, cap_syms;
	struct strlist inlined_into;	/* unsorted, may repeat until computed */
	struct strlist via_clones;
	struct strlist kept_params;	/* "CLONE P1,P2,..." (facts_dwarf.c) */
	bool exported;
	bool computed;
	struct sym_facts f;
};

struct facts_db {
	struct fobj *objs;
	size_t n_objs, cap_objs;
	struct fsym *syms;
	size_t n_syms, cap_syms;
	struct fentry **ents;		/* stable: facts_get results stay valid */
	size_t n_ents, cap_ents;
	struct strmap ent_index;	/* base name -> index into ents */
	struct strmap strings;		/* interned strings -> index into str_pool */
	char **str_pool;
	size_t n_str, cap_str;
	char *source_base;		/* facts_set_source */
	char *source_path;		/* facts_open_async: its DWARF units only */
	struct strlist statics;		/* "FUNCTION VARIABLE SYMBOL" (DWARF) */
	struct strmap described;	/* symbols of the functions the DWARF describes */
	bool twins_found;		/* twin_of/twins: facts_calls.c, on first use */
	struct strlist twin_of, twins;	/* twins.v[i] has the code of twin_of.v[i] */
	bool have_symvers;
	struct dwarf_reader *readers;	/* started, not yet finished (facts_dwarf.c) */
	size_t n_readers, cap_readers;
};

const char *facts_intern(struct facts_db *db, const char *s);
const char *facts_intern_n(struct facts_db *db, const char *s, size_t n);
/* The entry of a base name, created when missing. */
struct fentry *facts_entry(struct facts_db *db, const char *name);
/* Length of the C-identifier base of a symbol name ("f" of "f.isra.0"). */
size_t facts_base_len(const char *sym);

/* src/facts_calls.c: self_contained and code_size of f, defined by def. */
void facts_calls(struct facts_db *db, const struct fsym *def, struct sym_facts *f);
void facts_calls_close(struct fobj *o);
/* Appends to out the functions holding the code of fun as ICF twins. */
void facts_icf_twins(struct facts_db *db, const char *fun, struct strlist *out);

/* src/facts_ftrace.c: a linked image's ftrace call sites, [start, stop) its
   __start_mcount_loc/__stop_mcount_loc; then f->untraced of a function def. */
struct Elf;
void facts_ftrace_read(struct fobj *o, struct Elf *elf, uint64_t start, uint64_t stop);
void facts_ftrace(const struct facts_db *db, const struct fsym *def, struct sym_facts *f);

/* src/facts_elf.c: symbols of one object (also DWARF, via facts_dwarf_load). */
int facts_elf_load(struct facts_db *db, const char *path);
/*
 * src/facts_dwarf.c: inlining and calls via clones, read by a child process
 * that start forks; finish collects every started reader's records, abandon
 * kills them. 0, or -1 (error printed).
 */
struct elf_syms;
int facts_dwarf_start(struct facts_db *db, int fd, const char *path,
		      const struct elf_syms *es);
int facts_dwarf_finish(struct facts_db *db);
void facts_dwarf_abandon(struct facts_db *db);
/* src/symvers.c */
int facts_symvers_load(struct facts_db *db, const char *path);

/* Address -> symbol map of one object, built by facts_elf.c for facts_dwarf.c. */
struct elf_reloc {
	uint64_t offset;	/* in .debug_info */
	uint32_t sym;		/* symbol table index */
	int64_t addend;
};
struct elf_syms {
	bool relocatable;		/* ET_REL: addresses are section-relative */
	struct u64map by_addr;		/* addr_key() -> index into facts_db.syms */
	struct u64map obj_by_addr;	/* the same for local objects */
	uint16_t *sym_shndx;		/* per symbol table index */
	uint64_t *sym_value;
	size_t n_symtab;
	struct u64map rela;		/* offset -> index into relocs, when unsorted */
	struct elf_reloc *relocs;	/* as the object lists them: by offset (else rela) */
	size_t n_relocs, cap_relocs;
	bool relocs_unsorted;
	struct Elf *elf;		/* the object (libelf), while it is open */
	size_t debug_info;		/* section of .debug_info in a relocatable object, or 0 */
};
/* The relocations of es's .debug_info (rela, relocs), read by the DWARF
 * reader, the only one using them: 0, or -1 (error printed). */
int facts_elf_read_rela(struct elf_syms *es, const char *path);
/* Index into es->relocs of the (first) relocation at offset off, or -1. */
int facts_elf_reloc_at(const struct elf_syms *es, uint64_t off);
static inline uint64_t facts_addr_key(uint64_t shndx, uint64_t addr)
{
	return (shndx << 48) ^ addr;
}

#endif /* KLP_CCP_FACTS_INTERNAL */

#endif
