/*
 * Binary facts from one target object's ELF file (libelf): its symbols (name,
 * binding, STT_FILE group, symbol-table order for sympos), its kernel exports
 * (__ksymtab_NAME symbols, ___ksymtab+NAME sections) and its object name;
 * then its DWARF (facts_dwarf.c), with the symbol addresses and, in a
 * relocatable object, the relocations of .debug_info that tie DW_AT_low_pc to
 * a section.
 */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "klp-ccp/diag.h"
#define KLP_CCP_FACTS_INTERNAL
#include "klp-ccp/facts.h"
#include "klp-ccp/util.h"

struct elf_ctx {
	struct facts_db *db;
	const char *path;
	Elf *elf;
	GElf_Ehdr ehdr;
	size_t shstrndx;
	unsigned obj;
	struct elf_syms es;
	uint64_t mcount_start, mcount_stop;	/* linked image: its ftrace table */
	bool have_mcount_start, have_mcount_stop;
};

static int elf_fail(const struct elf_ctx *c, const char *what)
{
	diag_error("cannot read ELF file '%s': %s: %s", c->path, what, elf_errmsg(-1));
	return -1;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

static bool has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcmp(s + n - m, suffix);
}

static const char *section_name(const struct elf_ctx *c, const GElf_Shdr *sh)
{
	const char *name = elf_strptr(c->elf, c->shstrndx, sh->sh_name);

	return name ? name : "";
}

/* ---- object name --------------------------------------------------------- */

/* Sections only kernel objects have. */
static bool is_kernel_section(const char *name)
{
	static const char *const prefixes[] = {
		"__ksymtab", "___ksymtab", "__mcount_loc", "__patchable_function_entries",
		".discard.", "__bug_table", "__jump_table", "__ex_table", ".altinstructions",
		".static_call_sites", ".return_sites", ".retpoline_sites", ".smp_locks",
		".gnu.linkonce.this_module", ".modinfo", "__tracepoints", ".orc_unwind",
		".export_symbol",
	};

	for (size_t i = 0; i < sizeof(prefixes) / sizeof(*prefixes); i++)
		if (!strncmp(name, prefixes[i], strlen(prefixes[i])))
			return true;
	return false;
}

/* "name=" of a .modinfo section, or NULL. */
static char *modinfo_name(Elf_Scn *scn)
{
	Elf_Data *d = elf_getdata(scn, NULL);
	const char *p, *end;

	if (!d || !d->d_buf)
		return NULL;
	p = d->d_buf;
	end = p + d->d_size;
	while (p < end) {
		size_t n = strnlen(p, (size_t)(end - p));

		if (n > 5 && !strncmp(p, "name=", 5))
			return xstrndup(p + 5, n - 5);
		p += n + 1;
	}
	return NULL;
}

static char *module_name_of_file(const char *path)
{
	char *name = xstrdup(base_name(path));

	if (has_suffix(name, ".ko"))
		name[strlen(name) - 3] = '\0';
	for (char *p = name; *p; p++)
		if (*p == '-')
			*p = '_';
	return name;
}

static void mark_exported(struct facts_db *db, const char *name)
{
	facts_entry(db, name)->exported = true;
}

/*
 * Symbol __ksymtab_NAME (vmlinux, .ko), section ___ksymtab+NAME or
 * ___ksymtab_gpl+NAME (kernel .o) and, since Linux 6.5, symbol
 * __export_symbol_NAME (kernel .o) export NAME.
 */
static void note_kernel_export(struct facts_db *db, const char *name)
{
	static const char *const prefixes[] = {
		"__ksymtab_", "___ksymtab+", "___ksymtab_gpl+", "__export_symbol_",
	};

	for (size_t i = 0; i < sizeof(prefixes) / sizeof(*prefixes); i++) {
		size_t n = strlen(prefixes[i]);

		if (!strncmp(name, prefixes[i], n) && name[n] && !strchr(name + n, '+') &&
		    strcmp(name + n, "strings"))
			mark_exported(db, name + n);
	}
}

/* Scans the section headers: kernel or not, module name. */
static int classify(struct elf_ctx *c, struct fobj *o)
{
	Elf_Scn *scn = NULL;
	char *modname = NULL;
	bool kernel = false, module = has_suffix(c->path, ".ko");

	while ((scn = elf_nextscn(c->elf, scn))) {
		GElf_Shdr sh;
		const char *name;

		if (!gelf_getshdr(scn, &sh)) {
			free(modname);
			return elf_fail(c, "section header");
		}
		name = section_name(c, &sh);
		kernel |= is_kernel_section(name);
		if (!strncmp(name, "___ksymtab", 10))
			note_kernel_export(c->db, name);
		if (!strcmp(name, ".gnu.linkonce.this_module"))
			module = true;
		if (!strcmp(name, ".modinfo") && !modname && sh.sh_type != SHT_NOBITS)
			modname = modinfo_name(scn);
	}
	if (!strcmp(base_name(c->path), "vmlinux")) {
		o->name = xstrdup("vmlinux");
		free(modname);
	} else if (module) {
		o->name = modname ? modname : module_name_of_file(c->path);
	} else {
		o->name = xstrdup(kernel ? "vmlinux" : base_name(c->path));
		free(modname);
	}
	o->kernel = kernel || module || !strcmp(o->name, "vmlinux");
	return 0;
}

/* ---- symbols ------------------------------------------------------------- */

static const char *section_of(struct elf_ctx *c, size_t shndx)
{
	Elf_Scn *scn = shndx < SHN_LORESERVE ? elf_getscn(c->elf, shndx) : NULL;
	GElf_Shdr sh;

	if (!scn || !gelf_getshdr(scn, &sh))
		return NULL;
	return elf_strptr(c->elf, c->shstrndx, sh.sh_name);
}

/*
 * The alignment of a defined symbol's address: the lowest set bit of its
 * value, at most its section's alignment in a relocatable object (the
 * linker places the section so), at most a page otherwise. 0: unknown.
 */
static uint64_t address_align(struct elf_ctx *c, const GElf_Sym *sym)
{
	Elf_Scn *scn = sym->st_shndx < SHN_LORESERVE ? elf_getscn(c->elf, sym->st_shndx) : NULL;
	uint64_t max = 4096, low = sym->st_value & -sym->st_value;
	GElf_Shdr sh;

	if (c->es.relocatable) {
		if (!scn || !gelf_getshdr(scn, &sh) || !sh.sh_addralign)
			return 0;
		max = sh.sh_addralign;
	}
	return !low || low > max ? max : low;
}

/* Is section shndx allocated data nobody writes (.rodata...)? */
static bool read_only_data(struct elf_ctx *c, size_t shndx)
{
	Elf_Scn *scn = shndx < SHN_LORESERVE ? elf_getscn(c->elf, shndx) : NULL;
	GElf_Shdr sh;

	return scn && gelf_getshdr(scn, &sh) && sh.sh_type == SHT_PROGBITS &&
	       (sh.sh_flags & (SHF_ALLOC | SHF_WRITE | SHF_EXECINSTR)) == SHF_ALLOC;
}

/* Does the name of section shndx start with prefix? */
static bool in_section(struct elf_ctx *c, size_t shndx, const char *prefix)
{
	const char *name = section_of(c, shndx);

	return name && !strncmp(name, prefix, strlen(prefix));
}

/*
 * The kernel frees .init.* after boot (a module's after its init ran) and
 * discards .exit.* from vmlinux (__exit code is notrace in modules): the
 * section's name when shndx is one of those, else NULL.
 */
static const char *discarded_section(struct elf_ctx *c, size_t shndx)
{
	const char *name = section_of(c, shndx);

	if (!name || (strncmp(name, ".init.", 6) && strncmp(name, ".exit.", 6)))
		return NULL;
	return facts_intern(c->db, name);
}

static void add_symbol(struct elf_ctx *c, const GElf_Sym *sym, const char *name,
		       const char *file)
{
	struct facts_db *db = c->db;
	struct fsym *s = ARRAY_PUSH(db->syms, db->n_syms, db->cap_syms);
	size_t base = facts_base_len(name);
	struct fentry *e;
	char *key;

	s->name = facts_intern(db, name);
	s->file = file;
	s->obj = c->obj;
	s->bind = (unsigned char)GELF_ST_BIND(sym->st_info);
	s->type = (unsigned char)GELF_ST_TYPE(sym->st_info);
	s->defined = sym->st_shndx != SHN_UNDEF;
	s->value = sym->st_value;
	s->size = sym->st_size;
	s->align = s->defined ? address_align(c, sym) : 0;
	/* GCC puts functions it finds cold in .text.unlikely(.NAME) */
	s->unlikely = s->defined && in_section(c, sym->st_shndx, ".text.unlikely");
	s->discarded = s->defined ? discarded_section(c, sym->st_shndx) : NULL;
	s->rodata = s->defined && s->type == STT_OBJECT && read_only_data(c, sym->st_shndx);
	if (s->defined && (s->type == STT_FUNC || s->type == STT_GNU_IFUNC))
		u64map_add(&c->es.by_addr,
			   facts_addr_key(c->es.relocatable ? sym->st_shndx : 0, sym->st_value),
			   (int)db->n_syms - 1);
	if (s->defined && (s->type == STT_OBJECT || s->type == STT_TLS) && s->bind == STB_LOCAL)
		u64map_add(&c->es.obj_by_addr,
			   facts_addr_key(c->es.relocatable ? sym->st_shndx : 0, sym->st_value),
			   (int)db->n_syms - 1);
	if (!base)
		return;
	key = xstrndup(name, base);
	e = facts_entry(db, key);
	*ARRAY_PUSH(e->syms, e->n_syms, e->cap_syms) = (int)db->n_syms - 1;
	free(key);
}

/* The kernel's linker script brackets a linked image's ftrace sites. */
static void note_mcount_bound(struct elf_ctx *c, const GElf_Sym *sym, const char *name)
{
	if (c->es.relocatable || sym->st_shndx == SHN_UNDEF || name[0] != '_')
		return;
	if (!strcmp(name, "__start_mcount_loc")) {
		c->mcount_start = sym->st_value;
		c->have_mcount_start = true;
	} else if (!strcmp(name, "__stop_mcount_loc")) {
		c->mcount_stop = sym->st_value;
		c->have_mcount_stop = true;
	}
}

static bool wanted_type(unsigned char type)
{
	return type == STT_FUNC || type == STT_OBJECT || type == STT_NOTYPE ||
	       type == STT_TLS || type == STT_GNU_IFUNC || type == STT_COMMON;
}

static int read_symtab(struct elf_ctx *c, Elf_Scn *scn, const GElf_Shdr *sh)
{
	Elf_Data *d = elf_getdata(scn, NULL);
	size_t n = sh->sh_entsize ? sh->sh_size / sh->sh_entsize : 0;
	const char *file = NULL;

	if (!d)
		return elf_fail(c, "symbol table");
	c->es.n_symtab = n;
	c->es.sym_shndx = xcalloc(n ? n : 1, sizeof(*c->es.sym_shndx));
	c->es.sym_value = xcalloc(n ? n : 1, sizeof(*c->es.sym_value));
	for (size_t i = 1; i < n; i++) {
		GElf_Sym sym;
		const char *name;

		if (!gelf_getsym(d, (int)i, &sym))
			return elf_fail(c, "symbol");
		c->es.sym_shndx[i] = sym.st_shndx;
		c->es.sym_value[i] = sym.st_value;
		name = elf_strptr(c->elf, sh->sh_link, sym.st_name);
		if (!name || !*name)
			continue;
		if (GELF_ST_TYPE(sym.st_info) == STT_FILE) {
			file = facts_intern(c->db, base_name(name));
			continue;
		}
		if (c->db->objs[c->obj].kernel)
			note_kernel_export(c->db, name);
		note_mcount_bound(c, &sym, name);
		if (wanted_type(GELF_ST_TYPE(sym.st_info)))
			add_symbol(c, &sym, name, file);
	}
	return 0;
}

/* User space: defined non-local symbols of .dynsym are exported. */
static int read_dynsym(struct elf_ctx *c, Elf_Scn *scn, const GElf_Shdr *sh)
{
	Elf_Data *d = elf_getdata(scn, NULL);
	size_t n = sh->sh_entsize ? sh->sh_size / sh->sh_entsize : 0;

	if (!d)
		return elf_fail(c, "dynamic symbol table");
	for (size_t i = 1; i < n; i++) {
		GElf_Sym sym;
		const char *name;

		if (!gelf_getsym(d, (int)i, &sym))
			return elf_fail(c, "dynamic symbol");
		name = elf_strptr(c->elf, sh->sh_link, sym.st_name);
		if (name && *name && sym.st_shndx != SHN_UNDEF &&
		    GELF_ST_BIND(sym.st_info) != STB_LOCAL &&
		    GELF_ST_VISIBILITY(sym.st_other) == STV_DEFAULT)
			mark_exported(c->db, name);
	}
	return 0;
}

/* ---- relocations of .debug_info ------------------------------------------ */

static int read_rela(struct elf_ctx *c, Elf_Scn *scn, const GElf_Shdr *sh)
{
	Elf_Data *d = elf_getdata(scn, NULL);
	size_t n = sh->sh_entsize ? sh->sh_size / sh->sh_entsize : 0;

	if (!d)
		return elf_fail(c, "relocations of .debug_info");
	if (n)
		grow_array((void **)&c->es.relocs, &c->es.cap_relocs, c->es.n_relocs + n - 1,
			   sizeof(*c->es.relocs));
	for (size_t i = 0; i < n; i++) {
		GElf_Rela r;
		struct elf_reloc *e;

		if (!gelf_getrela(d, (int)i, &r))
			return elf_fail(c, "relocation");
		e = &c->es.relocs[c->es.n_relocs++];	/* room made above */
		e->offset = r.r_offset;
		e->sym = (uint32_t)GELF_R_SYM(r.r_info);
		e->addend = r.r_addend;
		if (c->es.n_relocs > 1 && e[-1].offset > e->offset)
			c->es.relocs_unsorted = true;
	}
	return 0;
}

/*
 * The assembler lists relocations by offset: a binary search finds one
 * (the DWARF reader looks up a few hundred of the thousands), no map is
 * built but for a list out of order.
 */
int facts_elf_reloc_at(const struct elf_syms *es, uint64_t off)
{
	size_t lo = 0, hi = es->n_relocs, pos = 0;
	int i;

	if (es->relocs_unsorted)
		return u64map_next(&es->rela, off, &pos, &i) ? i : -1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (es->relocs[mid].offset < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < es->n_relocs && es->relocs[lo].offset == off ? (int)lo : -1;
}

int facts_elf_read_rela(struct elf_syms *es, const char *path)
{
	struct elf_ctx c = { .path = path, .elf = es->elf, .es = *es };
	Elf_Scn *scn = NULL;
	int ret = 0;

	while (!ret && es->debug_info && (scn = elf_nextscn(c.elf, scn))) {
		GElf_Shdr sh;

		if (!gelf_getshdr(scn, &sh))
			ret = elf_fail(&c, "section header");
		else if (sh.sh_type == SHT_RELA && sh.sh_info == es->debug_info)
			ret = read_rela(&c, scn, &sh);
	}
	for (size_t i = 0; !ret && c.es.relocs_unsorted && i < c.es.n_relocs; i++)
		u64map_add(&c.es.rela, c.es.relocs[i].offset, (int)i);
	*es = c.es;
	return ret;
}

static size_t find_section(struct elf_ctx *c, const char *wanted)
{
	Elf_Scn *scn = NULL;

	while ((scn = elf_nextscn(c->elf, scn))) {
		GElf_Shdr sh;

		if (gelf_getshdr(scn, &sh) && !strcmp(section_name(c, &sh), wanted))
			return elf_ndxscn(scn);
	}
	return 0;
}

/* Symbol tables, and where .debug_info is in a relocatable object. */
static int read_sections(struct elf_ctx *c)
{
	size_t info = c->es.relocatable ? find_section(c, ".debug_info") : 0;
	Elf_Scn *scn = NULL, *dynsym = NULL;
	GElf_Shdr dynsh;
	bool have_symtab = false;
	int ret = 0;

	while (!ret && (scn = elf_nextscn(c->elf, scn))) {
		GElf_Shdr sh;

		if (!gelf_getshdr(scn, &sh))
			return elf_fail(c, "section header");
		if (sh.sh_type == SHT_SYMTAB && !have_symtab) {
			have_symtab = true;
			ret = read_symtab(c, scn, &sh);
		} else if (sh.sh_type == SHT_DYNSYM) {
			dynsym = scn;
			dynsh = sh;
		}
	}
	c->es.elf = c->elf;
	c->es.debug_info = info;
	if (!ret && !have_symtab && dynsym)
		ret = read_symtab(c, dynsym, &dynsh);
	else if (!ret && !have_symtab) {
		diag_error("'%s' has no symbol table", c->path);
		return -1;
	}
	if (!ret && dynsym && !c->db->objs[c->obj].kernel)
		ret = read_dynsym(c, dynsym, &dynsh);
	return ret;
}

/* ---- one object ---------------------------------------------------------- */

static void release_ctx(struct elf_ctx *c)
{
	u64map_release(&c->es.by_addr);
	u64map_release(&c->es.obj_by_addr);
	u64map_release(&c->es.rela);
	free(c->es.sym_shndx);
	free(c->es.sym_value);
	free(c->es.relocs);
	if (c->elf)
		elf_end(c->elf);
}

/* A regular file; one starting like ELF has a whole ELF header. */
static int check_file(struct elf_ctx *c, int fd)
{
	unsigned char ident[EI_NIDENT];
	struct stat st;
	ssize_t n;

	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		diag_error("target object '%s' is not a regular file", c->path);
		return -1;
	}
	n = pread(fd, ident, sizeof(ident), 0);
	if (n >= SELFMAG && !memcmp(ident, ELFMAG, SELFMAG) &&
	    (n < EI_NIDENT || (uint64_t)st.st_size < (ident[EI_CLASS] == ELFCLASS32 ?
						       sizeof(Elf32_Ehdr) : sizeof(Elf64_Ehdr)))) {
		diag_error("cannot read ELF file '%s': truncated ELF header", c->path);
		return -1;
	}
	return 0;
}

/* The section headers and the sections read lie inside the file. */
static int check_size(struct elf_ctx *c, int fd)
{
	struct stat st;
	size_t shnum = 0;
	Elf_Scn *scn = NULL;

	if (fstat(fd, &st) < 0 || elf_getshdrnum(c->elf, &shnum) < 0)
		return elf_fail(c, "file size");
	/*
	 * libelf counts no sections at all when their header table does not
	 * fit in the file: then only the ELF header tells the file is cut.
	 */
	if (c->ehdr.e_shnum > shnum)
		shnum = c->ehdr.e_shnum;
	if (c->ehdr.e_shoff + (uint64_t)shnum * c->ehdr.e_shentsize > (uint64_t)st.st_size)
		goto truncated;
	while ((scn = elf_nextscn(c->elf, scn))) {
		GElf_Shdr sh;

		if (!gelf_getshdr(scn, &sh))
			return elf_fail(c, "section header");
		if (sh.sh_type != SHT_NOBITS && sh.sh_size &&
		    (sh.sh_offset > (uint64_t)st.st_size ||
		     sh.sh_size > (uint64_t)st.st_size - sh.sh_offset))
			goto truncated;
	}
	return 0;
truncated:
	diag_error("cannot read ELF file '%s': truncated or corrupt (sections beyond the "
		   "end of the file)", c->path);
	return -1;
}

static int load(struct elf_ctx *c, int fd)
{
	struct fobj *o;

	if (check_file(c, fd) < 0)
		return -1;
	/* mapped: only the pages of the sections read are faulted in, not copied (objcmp.c) */
	c->elf = elf_begin(fd, ELF_C_READ_MMAP_PRIVATE, NULL);
	if (!c->elf || elf_kind(c->elf) != ELF_K_ELF) {
		diag_error("'%s' is not an ELF file%s%s", c->path, c->elf ? "" : ": ",
			   c->elf ? "" : elf_errmsg(-1));
		return -1;
	}
	if (!gelf_getehdr(c->elf, &c->ehdr))
		return elf_fail(c, "ELF header");
	if (check_size(c, fd) < 0)
		return -1;
	if (elf_getshdrstrndx(c->elf, &c->shstrndx) < 0)
		return elf_fail(c, "section name table");
	c->es.relocatable = c->ehdr.e_type == ET_REL;
	o = ARRAY_PUSH(c->db->objs, c->db->n_objs, c->db->cap_objs);
	memset(o, 0, sizeof(*o));
	o->path = xstrdup(c->path);
	o->relocatable = c->es.relocatable;
	c->obj = (unsigned)c->db->n_objs - 1;
	if (classify(c, o) < 0 || read_sections(c) < 0)
		return -1;
	if (c->have_mcount_start && c->have_mcount_stop)
		facts_ftrace_read(&c->db->objs[c->obj], c->elf, c->mcount_start, c->mcount_stop);
	return facts_dwarf_start(c->db, fd, c->path, &c->es);
}

int facts_elf_load(struct facts_db *db, const char *path)
{
	struct elf_ctx c = { .db = db, .path = path };
	int fd, ret;

	if (elf_version(EV_CURRENT) == EV_NONE) {
		diag_error("libelf is out of date");
		return -1;
	}
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);	/* a FIFO: refused by load() */
	if (fd < 0) {
		diag_error("cannot open target object '%s': %s", path, strerror(errno));
		return -1;
	}
	ret = load(&c, fd);
	release_ctx(&c);
	close(fd);
	return ret;
}
