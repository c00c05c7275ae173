/*
 * klp relocations: rewrite a linked livepatch module (the .ko, after the
 * final link: "ld -r" would merge relocation sections into ordinary ones and
 * renumber the symbol table, so this must be the last step) as
 * Documentation/livepatch/module-elf-format.rst describes:
 *
 * - an undefined symbol the kernel does not export and the report facts
 *   place (object, sympos) is renamed ".klp.sym.OBJ.NAME,POS" and gets
 *   st_shndx SHN_LIVEPATCH: the module loader leaves it alone
 *   (simplify_symbols) and the livepatch core resolves it through kallsyms;
 * - its relocations in allocated sections move from ".rela.SEC" to
 *   ".klp.rela.OBJ.SEC" (SHT_RELA, SHF_ALLOC | SHF_INFO_LINK |
 *   SHF_RELA_LIVEPATCH, sh_link the symbol table, sh_info SEC), one section per
 *   object and target section: the loader skips SHF_RELA_LIVEPATCH sections
 *   in apply_relocations() and the livepatch core applies them with
 *   apply_relocate_add() once OBJ is there (vmlinux: at load). SHF_ALLOC keeps
 *   them in memory for a module loaded later.
 *
 * Symbols stay where they are in the symbol table: the relocations refer to
 * them by index and the kernel keeps a livepatch module's table as is.
 */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "klp-ccp/cleanup.h"
#include "klp-ccp/diag.h"
#include "klp-ccp/emit.h"
#include "klp-ccp/klp_reloc.h"
#include "klp-ccp/outfiles.h"
#include "klp-ccp/util.h"

#ifndef SHN_LIVEPATCH
#define SHN_LIVEPATCH 0xff20
#endif
#ifndef SHF_RELA_LIVEPATCH
#define SHF_RELA_LIVEPATCH 0x00100000
#endif

/* Limits of the kernel's sscanf formats (klp_resolve_symbols()). */
#define KLP_OBJNAME_MAX 55
#define KLP_SYMNAME_MAX 511

bool klp_places_add(struct klp_places *p, const char *elf_name, const char *object,
		    const char *name, unsigned long sympos)
{
	struct klp_place *k;

	if (strmap_get(&p->by_elf, elf_name) >= 0)
		return false;
	k = ARRAY_PUSH(p->v, p->n, p->cap);
	k->elf_name = xstrdup(elf_name);
	k->object = xstrdup(object);
	k->name = xstrdup(name);
	k->sympos = sympos;
	strmap_put(&p->by_elf, k->elf_name, (int)(p->n - 1));	/* borrows the key */
	return true;
}

void klp_places_release(struct klp_places *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->v[i].elf_name);
		free(p->v[i].object);
		free(p->v[i].name);
	}
	free(p->v);
	strmap_release(&p->by_elf);
	memset(p, 0, sizeof(*p));
}

static bool valid_object(const char *o)
{
	return *o && strlen(o) <= KLP_OBJNAME_MAX && !strpbrk(o, ". \t,");
}

static bool valid_symbol(const char *s)
{
	return *s && strlen(s) <= KLP_SYMNAME_MAX && !strpbrk(s, " \t,");
}

/* "ELF-SYMBOL OBJECT SYMBOL SYMPOS"; '#' comments and blank lines. */
static int places_line(struct klp_places *p, char *line, const char *path, size_t lineno)
{
	char *save = NULL, *f[5], *end;
	unsigned long pos;
	size_t n = 0;

	for (char *t = strtok_r(line, " \t\r", &save); t && n < 5;
	     t = strtok_r(NULL, " \t\r", &save))
		f[n++] = t;
	if (!n || f[0][0] == '#')
		return 0;
	errno = 0;
	pos = n == 4 ? strtoul(f[3], &end, 10) : 0;
	if (n != 4 || errno || *end || !(f[3][0] >= '0' && f[3][0] <= '9') ||
	    !valid_symbol(f[0]) || !valid_object(f[1]) || !valid_symbol(f[2])) {
		diag_error("%s:%zu: malformed line (expected ELF-SYMBOL OBJECT SYMBOL SYMPOS)",
			   path, lineno);
		return -1;
	}
	if (!klp_places_add(p, f[0], f[1], f[2], pos)) {
		diag_error("%s:%zu: symbol '%s' is placed twice", path, lineno, f[0]);
		return -1;
	}
	return 0;
}

int klp_places_read(struct klp_places *p, const char *path)
{
	size_t len, lineno = 0;
	char *buf = read_file(path, &len), *s, *nl;
	int rc = 0;

	if (!buf) {
		diag_error("cannot read '%s': %s", path, strerror(errno));
		return -1;
	}
	if (strlen(buf) != len) {
		diag_error("'%s' contains a NUL byte", path);
		free(buf);
		return -1;
	}
	for (s = buf; *s && !rc; s = nl ? nl + 1 : s + strlen(s)) {
		nl = strchr(s, '\n');
		if (nl)
			*nl = '\0';
		rc = places_line(p, s, path, ++lineno);
	}
	free(buf);
	return rc;
}

/*
 * The name modpost gives an undefined symbol: it drops a GCC suffix ".N"
 * (digits, then '.' or the end) after the first dot, as its remove_dot().
 */
static char *modpost_name(const char *s)
{
	size_t n = strcspn(s, "."), m;

	if (!n || !s[n])
		return xstrdup(s);
	m = strspn(s + n + 1, "0123456789");
	return xstrndup(s, m && (s[n + m + 1] == '.' || !s[n + m + 1]) ? n : strlen(s));
}

int klp_places_write_symvers(const struct klp_places *p, const struct strmap *exported,
			     const char *path)
{
	struct strbuf sb = {0};
	struct strlist done = {0};
	int rc;

	for (size_t i = 0; i < p->n; i++) {
		char *name = modpost_name(p->v[i].elf_name);

		/* an exported name must not be "exported twice" */
		if ((exported && strmap_get(exported, name) >= 0) || strlist_contains(&done, name)) {
			free(name);
			continue;
		}
		sb_addf(&sb, "0x00000000\t%s\tvmlinux\tEXPORT_SYMBOL_GPL\t\n", name);
		strlist_push_owned(&done, name);
	}
	rc = write_files_atomically(&path, &sb, 1);
	strlist_release(&done);
	sb_release(&sb);
	return rc;
}

/* ---- the ELF rewrite ---- */

/* A string table being extended: the old bytes, then the added names. */
struct strtab_edit {
	size_t index;		/* section */
	Elf_Data *data;
	struct strbuf added;
};

/* One ".klp.rela.OBJ.SEC" section to create. */
struct klp_rela_sec {
	const char *object;
	size_t target;		/* section the relocations apply to */
	GElf_Rela *relas;
	size_t n, cap;
};

struct conv {
	const struct klp_reloc_options *o;
	Elf *elf;
	size_t symtab, nsyms, shstrndx;
	Elf_Data *syms;
	struct strtab_edit str, shstr;	/* .strtab (of the symbols), .shstrtab */
	int *placed;			/* per symbol: index into places, or -1 */
	struct klp_rela_sec *secs;
	size_t n_secs, cap_secs;
	struct strlist keep;		/* buffers libelf points into */
};

static int elf_fail(const struct conv *c, const char *what)
{
	diag_error("%s: %s: %s", c->o->input, what, elf_errmsg(-1));
	return -1;
}

static Elf_Scn *scn_shdr(Elf *e, size_t i, GElf_Shdr *sh)
{
	Elf_Scn *s = elf_getscn(e, i);

	return s && gelf_getshdr(s, sh) ? s : NULL;
}

/* Offset the string will have in the table once the additions are appended. */
static size_t strtab_add(struct strtab_edit *t, const char *s)
{
	size_t off = t->data->d_size + t->added.len;

	sb_addn(&t->added, s, strlen(s) + 1);
	return off;
}

/* Give libelf the extended table (old bytes + additions). */
static void strtab_commit(struct conv *c, struct strtab_edit *t)
{
	char *buf;

	if (!t->added.len)
		return;
	buf = xmalloc(t->data->d_size + t->added.len);
	memcpy(buf, t->data->d_buf, t->data->d_size);
	memcpy(buf + t->data->d_size, t->added.buf, t->added.len);
	t->data->d_buf = buf;
	t->data->d_size += t->added.len;
	strlist_push_owned(&c->keep, buf);
	elf_flagdata(t->data, ELF_C_SET, ELF_F_DIRTY);
	sb_release(&t->added);
}

static int find_tables(struct conv *c)
{
	GElf_Ehdr eh;
	GElf_Shdr sh;
	size_t nsec;

	if (!gelf_getehdr(c->elf, &eh))
		return elf_fail(c, "not an ELF file");
	if (eh.e_type != ET_REL) {
		diag_error("%s: not a relocatable object or kernel module (.o, .ko)", c->o->input);
		return -1;
	}
	if (elf_getshdrnum(c->elf, &nsec) || elf_getshdrstrndx(c->elf, &c->shstrndx))
		return elf_fail(c, "bad section headers");
	for (size_t i = 1; i < nsec; i++)
		if (scn_shdr(c->elf, i, &sh) && sh.sh_type == SHT_SYMTAB) {
			if (c->symtab) {
				diag_error("%s: two symbol tables", c->o->input);
				return -1;
			}
			c->symtab = i;
		}
	if (!c->symtab) {
		diag_error("%s: no symbol table", c->o->input);
		return -1;
	}
	scn_shdr(c->elf, c->symtab, &sh);
	c->syms = elf_getdata(elf_getscn(c->elf, c->symtab), NULL);
	c->str.index = sh.sh_link;
	c->str.data = elf_getdata(elf_getscn(c->elf, sh.sh_link), NULL);
	c->shstr.index = c->shstrndx;
	c->shstr.data = elf_getdata(elf_getscn(c->elf, c->shstrndx), NULL);
	if (!c->syms || !c->str.data || !c->shstr.data || !sh.sh_entsize)
		return elf_fail(c, "unreadable symbol or string table");
	if (c->str.index == c->shstr.index) {
		diag_error("%s: symbol and section names share one string table (not "
			   "what ld writes; unsupported)", c->o->input);
		return -1;
	}
	c->nsyms = c->syms->d_size / sh.sh_entsize;
	return 0;
}

static const char *sym_name(const struct conv *c, const GElf_Sym *s)
{
	if (s->st_name >= c->str.data->d_size)
		return "";
	return (const char *)c->str.data->d_buf + s->st_name;
}

/* Undefined references the module loader could not resolve itself. */
static bool needs_place(const struct conv *c, const GElf_Sym *s, const char *name)
{
	int bind = GELF_ST_BIND(s->st_info);

	if (s->st_shndx != SHN_UNDEF || !*name || (bind != STB_GLOBAL && bind != STB_WEAK))
		return false;
	/* as modpost: resolved by the final link / not a real reference */
	if (!strcmp(name, "__this_module") || !strcmp(name, "_GLOBAL_OFFSET_TABLE_"))
		return false;
	return !c->o->exported || strmap_get(c->o->exported, name) < 0;
}

/* The function (a FUNC symbol of the relocated section) at off, or NULL. */
static const char *function_at(const struct conv *c, size_t shndx, GElf_Addr off)
{
	for (size_t i = 0; i < c->nsyms; i++) {
		GElf_Sym s;

		if (gelf_getsym(c->syms, (int)i, &s) && GELF_ST_TYPE(s.st_info) == STT_FUNC &&
		    s.st_shndx == shndx && off >= s.st_value && off < s.st_value + s.st_size)
			return sym_name(c, &s);
	}
	return NULL;
}

/* The first function that references symbol sym (through a relocation), or NULL. */
static const char *user_of(const struct conv *c, size_t sym)
{
	size_t nsec;

	elf_getshdrnum(c->elf, &nsec);
	for (size_t i = 1; i < nsec; i++) {
		GElf_Shdr sh;
		Elf_Scn *scn = scn_shdr(c->elf, i, &sh);
		Elf_Data *d = scn ? elf_getdata(scn, NULL) : NULL;
		size_t n = d && sh.sh_entsize ? d->d_size / sh.sh_entsize : 0;

		if (!d || sh.sh_link != c->symtab ||
		    (sh.sh_type != SHT_RELA && sh.sh_type != SHT_REL))
			continue;
		for (size_t k = 0; k < n; k++) {
			GElf_Rela r;
			GElf_Rel rel;

			if (sh.sh_type == SHT_RELA ? !gelf_getrela(d, (int)k, &r) :
			    !gelf_getrel(d, (int)k, &rel))
				continue;
			if (sh.sh_type == SHT_REL)
				r.r_offset = rel.r_offset, r.r_info = rel.r_info;
			if (GELF_R_SYM(r.r_info) == sym)
				return function_at(c, sh.sh_info, r.r_offset);
		}
	}
	return NULL;
}

/* "'sym' (used by 'fn')": the function tells which (header) code wants it. */
static void add_missing(const struct conv *c, struct strbuf *sb, size_t sym, const char *name)
{
	const char *user = user_of(c, sym);

	sb_addf(sb, "%s'%s'", sb->len ? ", " : "", name);
	if (user)
		sb_addf(sb, " (used by '%s')", user);
}

/* Which symbols become livepatch symbols; an unplaceable one is an error. */
static int choose_symbols(struct conv *c, size_t *n_conv)
{
	struct strbuf missing = {0};
	size_t n_missing = 0;

	c->placed = xmalloc(c->nsyms * sizeof(*c->placed));
	*n_conv = 0;
	for (size_t i = 0; i < c->nsyms; i++) {
		GElf_Sym s;
		const char *name;
		int k;

		c->placed[i] = -1;
		if (!gelf_getsym(c->syms, (int)i, &s))
			return elf_fail(c, "bad symbol");
		name = sym_name(c, &s);
		if (!needs_place(c, &s, name))
			continue;
		k = strmap_get(&c->o->places->by_elf, name);
		if (k >= 0) {
			c->placed[i] = k;
			++*n_conv;
		} else if (c->o->exported && n_missing++ < 8) {
			add_missing(c, &missing, i, name);
		}
	}
	if (n_missing) {
		diag_error("%s: undefined symbol%s %s%s %s neither exported (Module.symvers) nor "
			   "placed by any report's facts (object, sympos)", c->o->input,
			   n_missing > 1 ? "s" : "", missing.buf, n_missing > 8 ? ", ..." : "",
			   n_missing > 1 ? "are" : "is");
		sb_release(&missing);
		return -1;
	}
	return 0;
}

static int rename_symbols(struct conv *c)
{
	for (size_t i = 0; i < c->nsyms; i++) {
		const struct klp_place *p;
		GElf_Sym s;
		char *klp;

		if (c->placed[i] < 0)
			continue;
		p = &c->o->places->v[c->placed[i]];
		gelf_getsym(c->syms, (int)i, &s);
		klp = xasprintf(".klp.sym.%s.%s,%lu", p->object, p->name, p->sympos);
		s.st_name = (GElf_Word)strtab_add(&c->str, klp);
		s.st_shndx = SHN_LIVEPATCH;
		s.st_info = GELF_ST_INFO(STB_GLOBAL, GELF_ST_TYPE(s.st_info));
		if (c->o->verbose)
			fprintf(stderr, "klp-relocs: %s -> %s\n", p->elf_name, klp);
		free(klp);
		if (!gelf_update_sym(c->syms, (int)i, &s))
			return elf_fail(c, "cannot update a symbol");
	}
	elf_flagdata(c->syms, ELF_C_SET, ELF_F_DIRTY);
	return 0;
}

static struct klp_rela_sec *klp_sec(struct conv *c, const char *object, size_t target)
{
	struct klp_rela_sec *k;

	for (size_t i = 0; i < c->n_secs; i++)
		if (c->secs[i].target == target && !strcmp(c->secs[i].object, object))
			return &c->secs[i];
	k = ARRAY_PUSH(c->secs, c->n_secs, c->cap_secs);
	memset(k, 0, sizeof(*k));
	k->object = object;
	k->target = target;
	return k;
}

static const char *scn_name(const struct conv *c, const GElf_Shdr *sh)
{
	const char *n = elf_strptr(c->elf, c->shstrndx, sh->sh_name);

	return n ? n : "?";
}

/* Split one relocation section: entries against livepatch symbols move out. */
static int split_rela(struct conv *c, Elf_Scn *scn, const GElf_Shdr *sh)
{
	Elf_Data *d = elf_getdata(scn, NULL);
	size_t n = d && sh->sh_entsize ? d->d_size / sh->sh_entsize : 0, kept = 0;
	GElf_Shdr tsh;
	bool alloc;

	if (!scn_shdr(c->elf, sh->sh_info, &tsh))
		return elf_fail(c, "relocation section without target");
	alloc = tsh.sh_flags & SHF_ALLOC;
	for (size_t i = 0; i < n; i++) {
		GElf_Rela r;
		size_t sym;

		if (!gelf_getrela(d, (int)i, &r))
			return elf_fail(c, "bad relocation");
		sym = GELF_R_SYM(r.r_info);
		/* the kernel never relocates sections it does not load */
		if (sym < c->nsyms && c->placed[sym] >= 0 && alloc) {
			struct klp_rela_sec *k = klp_sec(c, c->o->places->v[c->placed[sym]].object,
							 sh->sh_info);

			*ARRAY_PUSH(k->relas, k->n, k->cap) = r;
			continue;
		}
		if (kept != i)
			gelf_update_rela(d, (int)kept, &r);
		kept++;
	}
	if (kept != n) {
		d->d_size = kept * sh->sh_entsize;
		elf_flagdata(d, ELF_C_SET, ELF_F_DIRTY);
	}
	return 0;
}

/* SHT_REL cannot carry klp relocations (the kernel applies them as RELA). */
static int check_rel(struct conv *c, Elf_Scn *scn, const GElf_Shdr *sh)
{
	Elf_Data *d = elf_getdata(scn, NULL);
	size_t n = d && sh->sh_entsize ? d->d_size / sh->sh_entsize : 0;

	for (size_t i = 0; i < n; i++) {
		GElf_Rel r;

		if (gelf_getrel(d, (int)i, &r) && GELF_R_SYM(r.r_info) < c->nsyms &&
		    c->placed[GELF_R_SYM(r.r_info)] >= 0) {
			diag_error("%s: section '%s' has REL relocations against '%s': klp "
				   "relocations must be RELA", c->o->input, scn_name(c, sh),
				   c->o->places->v[c->placed[GELF_R_SYM(r.r_info)]].elf_name);
			return -1;
		}
	}
	return 0;
}

static int split_relocations(struct conv *c)
{
	size_t nsec;

	elf_getshdrnum(c->elf, &nsec);
	for (size_t i = 1; i < nsec; i++) {
		GElf_Shdr sh;
		Elf_Scn *scn = scn_shdr(c->elf, i, &sh);
		int rc = 0;

		if (!scn || sh.sh_link != c->symtab || sh.sh_flags & SHF_RELA_LIVEPATCH)
			continue;
		if (sh.sh_type == SHT_RELA)
			rc = split_rela(c, scn, &sh);
		else if (sh.sh_type == SHT_REL)
			rc = check_rel(c, scn, &sh);
		if (rc)
			return -1;
	}
	return 0;
}

static int add_klp_section(struct conv *c, struct klp_rela_sec *k)
{
	Elf_Scn *scn = elf_newscn(c->elf), *target = elf_getscn(c->elf, k->target);
	GElf_Shdr sh, tsh;
	Elf_Data *d;
	char *name;
	size_t esz = gelf_fsize(c->elf, ELF_T_RELA, 1, EV_CURRENT);

	if (!scn || !target || !gelf_getshdr(target, &tsh) || !(d = elf_newdata(scn)))
		return elf_fail(c, "cannot add a section");
	name = xasprintf(".klp.rela.%s.%s", k->object, scn_name(c, &tsh));
	memset(&sh, 0, sizeof(sh));
	sh.sh_name = (GElf_Word)strtab_add(&c->shstr, name);
	free(name);
	sh.sh_type = SHT_RELA;
	sh.sh_flags = SHF_ALLOC | SHF_INFO_LINK | SHF_RELA_LIVEPATCH;
	sh.sh_link = (GElf_Word)c->symtab;
	sh.sh_info = (GElf_Word)k->target;
	sh.sh_entsize = esz;
	sh.sh_addralign = gelf_getclass(c->elf) == ELFCLASS64 ? 8 : 4;
	d->d_type = ELF_T_RELA;
	d->d_size = k->n * esz;
	d->d_buf = xcalloc(k->n, esz);
	d->d_align = sh.sh_addralign;
	d->d_version = EV_CURRENT;
	strlist_push_owned(&c->keep, d->d_buf);
	for (size_t i = 0; i < k->n; i++)
		gelf_update_rela(d, (int)i, &k->relas[i]);
	if (!gelf_update_shdr(scn, &sh))
		return elf_fail(c, "cannot write a section header");
	return 0;
}

static int rewrite(struct conv *c, size_t *n_conv)
{
	if (find_tables(c) || choose_symbols(c, n_conv))
		return -1;
	if (!*n_conv)
		return 0;
	if (rename_symbols(c) || split_relocations(c))
		return -1;
	for (size_t i = 0; i < c->n_secs; i++)
		if (add_klp_section(c, &c->secs[i]))
			return -1;
	strtab_commit(c, &c->str);
	strtab_commit(c, &c->shstr);
	if (elf_update(c->elf, ELF_C_WRITE) < 0)
		return elf_fail(c, "cannot write");
	return 0;
}

static void conv_release(struct conv *c)
{
	for (size_t i = 0; i < c->n_secs; i++)
		free(c->secs[i].relas);
	free(c->secs);
	free(c->placed);
	sb_release(&c->str.added);
	sb_release(&c->shstr.added);
	strlist_release(&c->keep);
}

/* A copy of the input beside the output, to be edited and renamed. */
static int make_temp(const char *input, const char *output, char **tmp)
{
	size_t len;
	char *bytes = read_file(input, &len), *dir = xstrdup(output);
	int fd;

	*tmp = NULL;
	if (!bytes) {
		diag_error("cannot read '%s': %s", input, strerror(errno));
		free(dir);
		return -1;
	}
	*tmp = xasprintf("%s/.klp-relocs.XXXXXX", dirname(dir));
	free(dir);
	fd = cleanup_mkstemp(*tmp);	/* removed by an interrupt */
	if (fd < 0 || write(fd, bytes, len) != (ssize_t)len) {
		diag_error("cannot write a temporary file beside '%s': %s", output,
			   strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(*tmp);
			cleanup_forget(*tmp);
		}
		free(bytes);
		free(*tmp);
		*tmp = NULL;
		return -1;
	}
	free(bytes);
	return fd;
}

int klp_reloc_check(const struct klp_reloc_options *o)
{
	struct conv c = { .o = o };
	size_t n;
	int fd = open(o->input, O_RDONLY), rc;

	if (fd < 0) {
		diag_error("cannot read '%s': %s", o->input, strerror(errno));
		return -1;
	}
	elf_version(EV_CURRENT);
	c.elf = elf_begin(fd, ELF_C_READ, NULL);
	rc = c.elf ? find_tables(&c) || choose_symbols(&c, &n) : elf_fail(&c, "not an ELF file");
	if (c.elf)
		elf_end(c.elf);
	conv_release(&c);
	close(fd);
	return rc ? -1 : 0;
}

int klp_reloc_convert(const struct klp_reloc_options *o, size_t *n_converted)
{
	struct conv c = { .o = o };
	char *tmp;
	int fd, rc;

	elf_version(EV_CURRENT);
	fd = make_temp(o->input, o->output, &tmp);
	if (fd < 0)
		return -1;
	c.elf = elf_begin(fd, ELF_C_RDWR, NULL);
	rc = c.elf ? rewrite(&c, n_converted) : elf_fail(&c, "not an ELF file");
	if (c.elf)
		elf_end(c.elf);
	conv_release(&c);
	if (close(fd) && !rc) {
		diag_error("cannot write '%s': %s", o->output, strerror(errno));
		rc = -1;
	}
	if (!rc && rename(tmp, o->output)) {
		diag_error("cannot rename to '%s': %s", o->output, strerror(errno));
		rc = -1;
	}
	if (rc)
		unlink(tmp);
	cleanup_forget(tmp);
	free(tmp);
	return rc;
}
