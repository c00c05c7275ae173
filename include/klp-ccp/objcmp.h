/*
 * Object comparison: the functions of an ELF relocatable object, their bytes
 * and relocations, and a comparison of one function of object A with one of
 * object B that ignores what linking decides (relocated fields are masked,
 * relocations are compared by normalized target).
 *
 * Works best with -ffunction-sections (each function in its own section);
 * functions in a shared .text are delimited by their symbols' ranges.
 */
#ifndef KLP_CCP_OBJCMP_H
#define KLP_CCP_OBJCMP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct objcmp_obj;

struct objcmp_reloc {
	uint64_t offset;	/* from the start of the function (or entry) */
	uint32_t type;
	unsigned size;		/* bytes of the relocated field */
	int64_t addend;
	size_t sym;		/* symbol table index of the target */
	char *target;		/* normalized description of the target */
};

/* Data of another allocated section attached to a function: an entry of
 * __bug_table, __jump_table, __ex_table... holding a relocation into it. */
struct objcmp_attach {
	char *section;		/* normalized section name */
	uint64_t func_offset;	/* where in the function the entry points */
	const unsigned char *bytes;
	size_t size;
	struct objcmp_reloc *relocs;
	size_t nrelocs;
};

struct objcmp_func {
	char *name;		/* ELF symbol name */
	char *norm;		/* name with renaming prefixes stripped, clone numbers as '#' */
	char *base;		/* source function: norm up to the first '.' */
	char *section;		/* name of the section holding it */
	size_t shndx;
	uint64_t value, size;
	bool global;
	unsigned local_entry;	/* bytes to the local entry point (ppc64 ELFv2), else 0 */
	bool ftrace;		/* an entry of the arch's ftrace call-site section
				 * (__mcount_loc...) points into it (opts.attached) */
	const unsigned char *bytes;	/* NULL for an empty function */
	struct objcmp_reloc *relocs;	/* sorted by offset */
	size_t nrelocs;
	struct objcmp_attach *attach;	/* sorted by func_offset, section */
	size_t nattach, capattach;
};

struct objcmp_opts {
	/* Renaming prefixes stripped from symbol names besides klpp_, klpr_,
	 * klpe_ (NULL-terminated, may be NULL). */
	const char *const *prefixes;
	/* Also compare entries of other sections pointing into the function. */
	bool attached;
};

enum objcmp_result {
	OBJCMP_IDENTICAL,
	OBJCMP_LINE_ONLY,	/* only line-number-like immediates differ */
	OBJCMP_DIFFERS,
};

/* Load an object; NULL with *err (malloc'd, one line) on failure. */
struct objcmp_obj *objcmp_open(const char *path, const struct objcmp_opts *opts, char **err);
void objcmp_close(struct objcmp_obj *obj);

size_t objcmp_nfuncs(const struct objcmp_obj *obj);
const struct objcmp_func *objcmp_func_at(const struct objcmp_obj *obj, size_t i);
/* Does any function have an ftrace call-site entry (opts.attached)? An
 * object built without ftrace has none, and then no function is "notrace". */
bool objcmp_has_ftrace(const struct objcmp_obj *obj);
/* By ELF symbol name (exact), else NULL. */
const struct objcmp_func *objcmp_find(const struct objcmp_obj *obj, const char *name);

/* Normalize a symbol name: strip renaming prefixes, clone numbers -> '#'. */
char *objcmp_normalize(const char *name, const char *const *prefixes);

/*
 * Compare fa of a with fb of b. *reason (malloc'd, may be NULL) gets a one
 * line explanation when not identical: "size 12 vs 14", "byte at +0x1f",
 * "relocation 3 target foo vs bar"...
 *
 * A reference of one build that the assembler of the other resolved without
 * a relocation (a call between functions of one section: a target built
 * without -ffunction-sections) is compared by what its field designates,
 * where the architecture can read it (arch.h field_value).
 *
 * OBJCMP_LINE_ONLY: the only differences are 32-bit immediates in the code,
 * or 16/32-bit fields of attached entries (__bug_table's line field), whose
 * values are in [10, 100000] on both sides and all differ by the same delta,
 * |delta| <= 1000 (*line_delta, may be NULL): what an unrelated hunk moving
 * __LINE__/WARN_ON() sites produces. A heuristic: a changed constant that
 * looks like that is reported as line-only.
 */
enum objcmp_result objcmp_compare(const struct objcmp_obj *a, const struct objcmp_func *fa,
				  const struct objcmp_obj *b, const struct objcmp_func *fb,
				  char **reason, int64_t *line_delta);

/* Is it a relocatable object (ET_REL)? Only those can be compared. */
bool objcmp_relocatable(const struct objcmp_obj *obj);
/* Has it a section of that name (".debug_info")? */
bool objcmp_has_section(const struct objcmp_obj *obj, const char *name);

/*
 * The normalized names of the functions f calls or jumps to (relocated
 * branches, and on architectures that tell branch operands also those the
 * assembler resolved to the start of another function of the section),
 * without f's own parts and itself; appended to out, each once.
 */
struct strlist;
void objcmp_callees(const struct objcmp_obj *obj, const struct objcmp_func *f,
		    struct strlist *out);

#endif
