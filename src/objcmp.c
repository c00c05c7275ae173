/*
 * Object comparison (include/klp-ccp/objcmp.h): functions of an ELF
 * relocatable object with their bytes, relocations and attached entries of
 * other sections, compared modulo linking and renaming.
 */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "klp-ccp/arch.h"
#include "klp-ccp/objcmp.h"
#include "klp-ccp/util.h"

struct rawrel {
	uint64_t off;
	uint32_t type;
	int64_t addend;
	size_t sym;
};

struct sec {
	char *name;
	GElf_Shdr sh;
	const unsigned char *data;	/* NULL for SHT_NOBITS */
	size_t size;			/* of data */
	struct rawrel *rels;		/* applying to this section, by offset */
	size_t nrels, caprels;
	size_t *funcs;			/* indexes into obj->funcs, by value */
	size_t nfuncs, capfuncs;
	bool has_func;			/* a function symbol is defined in it */
};

struct sym {
	char *name;
	char *norm;
	GElf_Sym s;
	unsigned char type, bind;
};

struct objcmp_obj {
	int fd;
	Elf *elf;
	const struct arch *arch;
	struct sec *secs;
	size_t nsecs;
	struct sym *syms;
	size_t nsyms;
	struct objcmp_func *funcs;
	size_t nfuncs, capfuncs;
	struct strlist prefixes;
	bool attached;
	bool ftrace;		/* some function has an ftrace call-site entry */
	bool relocatable;	/* ET_REL */
};

static const char *const default_prefixes[] = { "klpp_", "klpr_", "klpe_", NULL };

/* ---- names ---- */

static bool all_digits(const char *s, size_t n)
{
	if (!n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static const char *strip_prefix(const char *s, const char *const *prefixes)
{
	for (size_t i = 0; prefixes && prefixes[i]; i++) {
		size_t n = strlen(prefixes[i]);

		if (n && !strncmp(s, prefixes[i], n) && s[n])
			return s + n;
	}
	return s;
}

/* Strip prefixes from the first (every, for section names) component and
 * replace numeric components by '#'. */
static char *normalize(const char *name, const char *const *extra, bool section)
{
	struct strbuf sb = {0};
	const char *p = name;
	bool first = true;

	do {
		const char *dot = strchr(p + (first ? 0 : 1), '.');
		size_t n = dot ? (size_t)(dot - p) : strlen(p);
		const char *c = p, *s;

		if (!first) {
			sb_addc(&sb, '.');
			c++, n--;
		}
		if (all_digits(c, n)) {
			sb_addc(&sb, '#');
		} else {
			s = c;
			if ((first || section) && n) {
				char *tmp = xstrndup(c, n);

				s = strip_prefix(tmp, default_prefixes);
				s = strip_prefix(s, extra);
				sb_adds(&sb, s);
				free(tmp);
			} else {
				sb_addn(&sb, c, n);
			}
		}
		p = dot;
		first = false;
	} while (p);
	if (!sb.buf)
		return xstrdup("");
	return sb_detach(&sb);
}

char *objcmp_normalize(const char *name, const char *const *prefixes)
{
	return normalize(name, prefixes, false);
}

static const char *const *obj_prefixes(const struct objcmp_obj *obj)
{
	return (const char *const *)obj->prefixes.v;
}

/* ---- relocation types (the architecture's, include/klp-ccp/arch.h) ---- */

static unsigned reloc_size(const struct objcmp_obj *obj, uint32_t type)
{
	struct arch_reloc r;

	obj->arch->reloc(type, &r);
	return r.size;
}

/* ---- loading ---- */

static void set_err(char **err, const char *path, const char *what)
{
	if (err)
		*err = xasprintf("%s: %s", path, what);
}

/* A copy of an ELF string with bytes outside printable ASCII as '?': names
 * are printed and emitted as YAML, and a corrupt file may hold anything. */
static char *clean_name(const char *s)
{
	char *c = xstrdup(s ? s : "");

	for (char *p = c; *p; p++)
		if ((unsigned char)*p < 0x20 || (unsigned char)*p >= 0x7f)
			*p = '?';
	return c;
}

static bool load_sections(struct objcmp_obj *obj)
{
	size_t shstrndx;
	Elf_Scn *scn = NULL;

	if (elf_getshdrnum(obj->elf, &obj->nsecs) || elf_getshdrstrndx(obj->elf, &shstrndx))
		return false;
	obj->secs = xcalloc(obj->nsecs ? obj->nsecs : 1, sizeof(*obj->secs));
	while ((scn = elf_nextscn(obj->elf, scn))) {
		size_t i = elf_ndxscn(scn);
		struct sec *s;
		const char *name;
		Elf_Data *d;

		if (i >= obj->nsecs)
			return false;
		s = &obj->secs[i];
		if (!gelf_getshdr(scn, &s->sh))
			return false;
		name = elf_strptr(obj->elf, shstrndx, s->sh.sh_name);
		s->name = clean_name(name);
		if (s->sh.sh_type == SHT_NOBITS || s->sh.sh_type == SHT_NULL)
			continue;
		d = elf_getdata(scn, NULL);
		if (!d)
			return false;
		s->data = d->d_buf;
		s->size = d->d_buf ? d->d_size : 0;
	}
	for (size_t i = 0; i < obj->nsecs; i++)
		if (!obj->secs[i].name)
			obj->secs[i].name = xstrdup("");
	return true;
}

static bool load_symbols(struct objcmp_obj *obj)
{
	size_t symtab = 0;
	Elf_Data *d;

	for (size_t i = 1; i < obj->nsecs; i++)
		if (obj->secs[i].sh.sh_type == SHT_SYMTAB)
			symtab = i;
	if (!symtab)
		return true;
	d = elf_getdata(elf_getscn(obj->elf, symtab), NULL);
	if (!d)
		return false;
	obj->nsyms = d->d_size / gelf_fsize(obj->elf, ELF_T_SYM, 1, EV_CURRENT);
	obj->syms = xcalloc(obj->nsyms ? obj->nsyms : 1, sizeof(*obj->syms));
	for (size_t i = 0; i < obj->nsyms; i++) {
		struct sym *y = &obj->syms[i];
		const char *name;

		if (!gelf_getsym(d, (int)i, &y->s))
			return false;
		y->type = GELF_ST_TYPE(y->s.st_info);
		y->bind = GELF_ST_BIND(y->s.st_info);
		name = elf_strptr(obj->elf, obj->secs[symtab].sh.sh_link, y->s.st_name);
		if (y->type == STT_SECTION && y->s.st_shndx < obj->nsecs)
			name = obj->secs[y->s.st_shndx].name;
		y->name = clean_name(name);
		y->norm = normalize(y->name, obj_prefixes(obj), false);
		if (y->type == STT_FUNC && y->s.st_shndx < obj->nsecs)
			obj->secs[y->s.st_shndx].has_func = true;
	}
	return true;
}

static int64_t read_field(const struct sec *s, uint64_t off, unsigned size, bool sign)
{
	uint64_t v = 0;

	if (!s->data || off > s->size || size > s->size - off || size > 8)
		return 0;
	for (unsigned i = 0; i < size; i++)
		v |= (uint64_t)s->data[off + i] << (8 * i);
	if (sign && size < 8 && (v >> (8 * size - 1)) & 1)
		v |= ~(uint64_t)0 << (8 * size);
	return (int64_t)v;
}

static bool load_relsec(struct objcmp_obj *obj, size_t i)
{
	struct sec *rs = &obj->secs[i], *t;
	bool rela = rs->sh.sh_type == SHT_RELA;
	Elf_Data *d;
	size_t n;

	if (rs->sh.sh_info >= obj->nsecs || !rs->sh.sh_info)
		return true;
	t = &obj->secs[rs->sh.sh_info];
	d = elf_getdata(elf_getscn(obj->elf, i), NULL);
	if (!d)
		return false;
	n = d->d_size / gelf_fsize(obj->elf, rela ? ELF_T_RELA : ELF_T_REL, 1, EV_CURRENT);
	for (size_t k = 0; k < n; k++) {
		struct rawrel *r;
		GElf_Rela ra;
		GElf_Rel rl;

		if (rela ? !gelf_getrela(d, (int)k, &ra) : !gelf_getrel(d, (int)k, &rl))
			return false;
		if (!rela) {
			ra.r_offset = rl.r_offset;
			ra.r_info = rl.r_info;
			ra.r_addend = 0;
		}
		if (GELF_R_SYM(ra.r_info) >= obj->nsyms)
			continue;
		r = ARRAY_PUSH(t->rels, t->nrels, t->caprels);
		r->off = ra.r_offset;
		r->type = (uint32_t)GELF_R_TYPE(ra.r_info);
		r->sym = GELF_R_SYM(ra.r_info);
		r->addend = rela ? ra.r_addend
				 : read_field(t, r->off, reloc_size(obj, r->type), true);
	}
	return true;
}

static int cmp_rawrel(const void *x, const void *y)
{
	const struct rawrel *a = x, *b = y;

	return a->off < b->off ? -1 : a->off > b->off;
}

/*
 * Relocations are looked at only in what is loaded (code, the entries
 * attached to it, the data it points to) and in sections defining a
 * function: not in the debug sections, which hold most of a -g object's.
 */
static bool relocs_used(const struct objcmp_obj *obj, const struct sec *rs)
{
	const struct sec *t;

	if (rs->sh.sh_info >= obj->nsecs || !rs->sh.sh_info)
		return false;
	t = &obj->secs[rs->sh.sh_info];
	return (t->sh.sh_flags & (SHF_ALLOC | SHF_EXECINSTR)) || t->has_func ||
	       arch_indirect_section(obj->arch, t->name);
}

static bool load_relocs(struct objcmp_obj *obj)
{
	for (size_t i = 1; i < obj->nsecs; i++) {
		uint32_t t = obj->secs[i].sh.sh_type;

		if ((t == SHT_RELA || t == SHT_REL) && relocs_used(obj, &obj->secs[i]) &&
		    !load_relsec(obj, i))
			return false;
	}
	for (size_t i = 0; i < obj->nsecs; i++)
		if (obj->secs[i].nrels)
			qsort(obj->secs[i].rels, obj->secs[i].nrels, sizeof(struct rawrel), cmp_rawrel);
	return true;
}

/* ---- relocation targets ---- */

static void add_escaped(struct strbuf *sb, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i] == '"' || p[i] == '\\')
			sb_addf(sb, "\\%c", p[i]);
		else if (p[i] >= 32 && p[i] < 127)
			sb_addc(sb, (char)p[i]);
		else
			sb_addf(sb, "\\x%02x", p[i]);
	}
}

static char *describe_string(const struct sec *s, int64_t off)
{
	struct strbuf sb = {0};
	size_t start, end;

	if (off < 0 || (uint64_t)off >= s->size)
		return xasprintf("%s%+" PRId64, s->name, off);
	start = (size_t)off;
	while (start > 0 && s->data[start - 1])
		start--;
	end = (size_t)off;
	while (end < s->size && s->data[end])
		end++;
	sb_adds(&sb, "\"");
	add_escaped(&sb, s->data + start, end - start);
	sb_adds(&sb, "\"");
	if ((size_t)off != start)
		sb_addf(&sb, "+%zu", (size_t)off - start);
	return sb_detach(&sb);
}

static char *describe_const(const struct sec *s, int64_t off)
{
	struct strbuf sb = {0};
	size_t es = s->sh.sh_entsize, at;

	if (off < 0 || (uint64_t)off >= s->size || !es || es > 64)
		return xasprintf("%s%+" PRId64, s->name, off);
	at = (size_t)off / es * es;
	sb_adds(&sb, "cst:");
	for (size_t i = at; i < at + es && i < s->size; i++)
		sb_addf(&sb, "%02x", s->data[i]);
	if ((size_t)off != at)
		sb_addf(&sb, "+%zu", (size_t)off - at);
	return sb_detach(&sb);
}

static bool plain_sym(const struct sym *y)
{
	return y->type != STT_SECTION && y->type != STT_FILE && y->name[0] &&
	       y->name[0] != '$';
}

/* The symbol defined in section shndx that covers offset off, or NULL. */
static const struct sym *covering_sym(const struct objcmp_obj *obj, size_t shndx, int64_t off)
{
	const struct sym *best = NULL;

	for (size_t i = 0; i < obj->nsyms; i++) {
		const struct sym *y = &obj->syms[i];
		int64_t v = (int64_t)y->s.st_value;
		int64_t sz = y->s.st_size ? (int64_t)y->s.st_size : 1;

		if (y->s.st_shndx != shndx || !plain_sym(y) || off < v || off >= v + sz)
			continue;
		if (!best || y->type == STT_FUNC || y->type == STT_OBJECT)
			best = y;
	}
	return best;
}

static char *describe(const struct objcmp_obj *obj, const struct rawrel *r, bool code);

/*
 * GCC's object for __func__ (__func__.N, also __FUNCTION__/__PRETTY_FUNCTION__)
 * holds the function's name; lp.c spells it as the literal "NAME" so that a
 * renamed function still says NAME. Both are described by their bytes.
 */
static bool func_name_object(const struct objcmp_obj *obj, const struct sym *c)
{
	static const char *const prefixes[] = { "__func__.", "__FUNCTION__.", "__PRETTY_FUNCTION__." };

	if (c->type != STT_OBJECT || !c->s.st_size || c->s.st_shndx == 0 ||
	    c->s.st_shndx >= obj->nsecs || !obj->secs[c->s.st_shndx].data)
		return false;
	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (!strncmp(c->name, prefixes[i], strlen(prefixes[i])))
			return true;
	return false;
}

static char *describe_func_name(const struct objcmp_obj *obj, const struct sym *c, int64_t off)
{
	const struct sec *s = &obj->secs[c->s.st_shndx];
	struct strbuf sb = {0};
	uint64_t at = c->s.st_value, n = c->s.st_size;

	if (at > s->size || n > s->size - at)
		return xasprintf("%s%+" PRId64, c->norm, off);
	while (n && !s->data[at + n - 1])
		n--;
	sb_adds(&sb, "\"");
	add_escaped(&sb, s->data + at, (size_t)n);
	sb_adds(&sb, "\"");
	if (off)
		sb_addf(&sb, "%+" PRId64, off);
	return sb_detach(&sb);
}

static void free_relocs(struct objcmp_reloc *r, size_t n);
static size_t first_rel(const struct sec *s, uint64_t off);

/* An entry of an indirection table (ppc64 .toc) at off of s: what its
 * relocation points to, "@" in front; NULL when it has none (or points into
 * such a table again: not followed). */
static char *describe_indirect(const struct objcmp_obj *obj, const struct sec *s, int64_t off)
{
	size_t k = first_rel(s, (uint64_t)off);
	const struct sym *t;
	char *d, *at;

	if (off < 0 || k >= s->nrels || s->rels[k].off != (uint64_t)off)
		return NULL;
	t = &obj->syms[s->rels[k].sym];
	if (t->s.st_shndx > 0 && t->s.st_shndx < obj->nsecs &&
	    arch_indirect_section(obj->arch, obj->secs[t->s.st_shndx].name))
		return NULL;
	d = describe(obj, &s->rels[k], false);
	at = xasprintf("@%s", d);
	free(d);
	return at;
}

/* Up to max bytes of s at [from, to) as hex, appended to sb. */
static void add_hex(struct strbuf *sb, const struct sec *s, uint64_t from, uint64_t to, size_t max)
{
	for (uint64_t i = from; i < to && i < s->size && i - from < max; i++)
		sb_addf(sb, "%02x", s->data[i]);
}

/*
 * A stub of out-of-line code no symbol covers (x86 static_cpu_has() puts
 * "testb $bit, boot_cpu_data+N; jnz; jmp" in .altinstr_aux): its offset
 * depends on the other stubs of the object, so it is described by its
 * content instead, the bytes up to its first relocation, that relocation's
 * target and the few bytes after the field. Not followed into such a stub
 * again.
 */
static char *describe_stub(const struct objcmp_obj *obj, const struct sec *s, int64_t off)
{
	size_t k = first_rel(s, (uint64_t)off);
	const struct rawrel *r;
	const struct sym *t;
	struct strbuf sb = { 0 };
	uint64_t end;
	char *d;

	if (off < 0 || (uint64_t)off >= s->size || k >= s->nrels || s->rels[k].off - (uint64_t)off > 16)
		return NULL;
	r = &s->rels[k];
	t = &obj->syms[r->sym];
	if (t->type == STT_SECTION && t->s.st_shndx < obj->nsecs &&
	    (obj->secs[t->s.st_shndx].sh.sh_flags & SHF_EXECINSTR) &&
	    !covering_sym(obj, t->s.st_shndx, (int64_t)t->s.st_value + r->addend))
		return NULL;
	end = r->off + reloc_size(obj, r->type);
	sb_adds(&sb, s->name);
	sb_adds(&sb, "{");
	add_hex(&sb, s, (uint64_t)off, r->off, 16);
	d = describe(obj, r, false);
	sb_addf(&sb, "<%s>", d);
	free(d);
	add_hex(&sb, s, end, k + 1 < s->nrels ? s->rels[k + 1].off : s->size, 4);
	sb_adds(&sb, "}");
	return sb_detach(&sb);
}

static char *describe_section_ref(const struct objcmp_obj *obj, const struct sym *y,
				  int64_t addend, int64_t bias)
{
	size_t shndx = y->s.st_shndx;
	const struct sec *s;
	const struct sym *c;
	int64_t off = (int64_t)y->s.st_value + addend;
	uint64_t fl;
	char *n, *d;

	if (shndx == 0 || shndx >= obj->nsecs)
		return xasprintf("%s%+" PRId64, y->norm, addend);
	s = &obj->secs[shndx];
	fl = s->sh.sh_flags;
	if (arch_indirect_section(obj->arch, s->name) && (d = describe_indirect(obj, s, off + bias)))
		return d;
	if ((fl & SHF_MERGE) && (fl & SHF_STRINGS) && s->data)
		return describe_string(s, off + bias);
	if ((fl & SHF_MERGE) && s->data)
		return describe_const(s, off + bias);
	c = covering_sym(obj, shndx, off + bias);
	if (c && func_name_object(obj, c))
		return describe_func_name(obj, c, off + bias - (int64_t)c->s.st_value);
	if (c)
		return xasprintf("%s%+" PRId64, c->norm, off - (int64_t)c->s.st_value);
	if ((fl & SHF_EXECINSTR) && s->data && (d = describe_stub(obj, s, off + bias)))
		return d;
	n = normalize(s->name, obj_prefixes(obj), true);
	d = xasprintf("%s%+" PRId64, n, off);
	free(n);
	return d;
}

/* A local symbol of no type (an assembler label such as .LC0 kept in the
 * symbol table) in a mergeable section: compare what it points to. */
static bool local_label(const struct objcmp_obj *obj, const struct sym *y)
{
	return y->bind == STB_LOCAL && y->type == STT_NOTYPE && y->s.st_shndx > 0 &&
	       y->s.st_shndx < obj->nsecs && (obj->secs[y->s.st_shndx].sh.sh_flags & SHF_MERGE);
}

/* What r designates, bias being what a PC-relative field's addend lacks. */
static char *describe_biased(const struct objcmp_obj *obj, const struct rawrel *r, int64_t bias)
{
	const struct sym *y = &obj->syms[r->sym];

	if (y->type == STT_SECTION || local_label(obj, y))
		return describe_section_ref(obj, y, r->addend, bias);
	if (y->s.st_shndx == SHN_UNDEF && !y->name[0])
		return xasprintf("<none>%+" PRId64, r->addend);
	if (func_name_object(obj, y))
		return describe_func_name(obj, y, r->addend + bias);
	return xasprintf("%s%+" PRId64, y->norm, r->addend);
}

static char *describe(const struct objcmp_obj *obj, const struct rawrel *r, bool code)
{
	struct arch_reloc ar;

	obj->arch->reloc(r->type, &ar);
	return describe_biased(obj, r, code && ar.pcrel ? ar.bias : 0);
}

/* ---- functions ---- */

/* Index of the first relocation of s at or after off. */
static size_t first_rel(const struct sec *s, uint64_t off)
{
	size_t lo = 0, hi = s->nrels;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->rels[mid].off < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void collect_relocs(const struct objcmp_obj *obj, const struct sec *s, uint64_t start,
			   uint64_t end, bool code, struct objcmp_reloc **out, size_t *nout)
{
	size_t cap = 0;

	*out = NULL;
	*nout = 0;
	for (size_t k = first_rel(s, start); k < s->nrels && s->rels[k].off < end; k++) {
		const struct rawrel *r = &s->rels[k];
		struct objcmp_reloc *o = ARRAY_PUSH(*out, *nout, cap);

		o->offset = r->off - start;
		o->type = r->type;
		o->size = reloc_size(obj, r->type);
		o->addend = r->addend;
		o->sym = r->sym;
		o->target = describe(obj, r, code);
	}
}

static void add_func(struct objcmp_obj *obj, const struct sym *y)
{
	struct sec *s = &obj->secs[y->s.st_shndx];
	struct objcmp_func *f;
	char *dot;

	if (!s->data || y->s.st_value > s->size || y->s.st_size > s->size - y->s.st_value)
		return;
	f = ARRAY_PUSH(obj->funcs, obj->nfuncs, obj->capfuncs);
	memset(f, 0, sizeof(*f));
	f->name = xstrdup(y->name);
	f->norm = xstrdup(y->norm);
	f->base = xstrdup(y->norm);
	dot = strchr(f->base, '.');
	if (dot && dot != f->base)
		*dot = '\0';
	f->section = xstrdup(s->name);
	f->shndx = y->s.st_shndx;
	f->value = y->s.st_value;
	f->size = y->s.st_size;
	f->global = y->bind != STB_LOCAL;
	f->local_entry = arch_local_entry(obj->arch, y->s.st_other);
	f->bytes = f->size ? s->data + f->value : NULL;
	collect_relocs(obj, s, f->value, f->value + f->size, true, &f->relocs, &f->nrelocs);
}

static void load_funcs(struct objcmp_obj *obj)
{
	for (size_t i = 0; i < obj->nsyms; i++) {
		const struct sym *y = &obj->syms[i];

		if (y->type == STT_FUNC && y->s.st_shndx > 0 && y->s.st_shndx < obj->nsecs &&
		    y->name[0])
			add_func(obj, y);
	}
	for (size_t i = 0; i < obj->nfuncs; i++) {
		struct sec *s = &obj->secs[obj->funcs[i].shndx];
		size_t *p = ARRAY_PUSH(s->funcs, s->nfuncs, s->capfuncs);

		*p = i;
	}
}

/* ---- attached entries ---- */

/* Does f's code cover offset off of its section? */
static bool func_covers(const struct objcmp_func *f, int64_t off)
{
	return off >= (int64_t)f->value && off < (int64_t)(f->value + (f->size ? f->size : 1));
}

/* Sections whose entries annotate code (__bug_table, __jump_table, __ex_table,
 * .altinstructions, __mcount_loc, .static_call_sites...), not data that
 * merely points to a function (ops tables, exports, __ADDRESSABLE). */
static bool attach_section(const struct objcmp_obj *obj, const struct sec *t)
{
	static const char *const skip[] = {
		".data", ".rodata", ".bss", ".init.data", ".init.rodata", ".ref.data",
		".discard.addressable", ".export_symbol", "___ksymtab", "__ksymtab",
		"__kstrtab", "__kcrctab", "__param", ".eh_frame", ".orc_unwind", ".init_array",
		".fini_array", ".ctors", ".dtors", ".initcall", ".con_initcall", ".tm_clone",
		/* what objtool adds after the compile (a kbuild object has them,
		 * a plain compile not): derived from the code compared anyway */
		".return_sites", ".retpoline_sites", ".call_sites", ".ibt_endbr_seal",
		".static_call_sites", ".cfi_sites",
		NULL
	};

	if (!(t->sh.sh_flags & SHF_ALLOC) || (t->sh.sh_flags & SHF_EXECINSTR) || !t->data ||
	    t->sh.sh_type == SHT_X86_64_UNWIND || arch_indirect_section(obj->arch, t->name))
		return false;
	for (size_t i = 0; skip[i]; i++)
		if (!strncmp(t->name, skip[i], strlen(skip[i])))
			return false;
	return true;
}

/* Section and offset a relocation of a data section points to. */
static bool rel_dest(const struct objcmp_obj *obj, const struct rawrel *r, size_t *shndx,
		     int64_t *off)
{
	const struct sym *y = &obj->syms[r->sym];

	if (y->s.st_shndx == 0 || y->s.st_shndx >= obj->nsecs)
		return false;
	*shndx = y->s.st_shndx;
	*off = (int64_t)y->s.st_value + r->addend;
	return (obj->secs[*shndx].sh.sh_flags & SHF_EXECINSTR) != 0;
}

static uint64_t entry_end(const struct objcmp_obj *obj, const struct sec *t, size_t k)
{
	uint64_t limit = t->rels[k].off + 64;

	for (size_t j = k + 1; j < t->nrels; j++) {
		size_t sh;
		int64_t o;

		if (t->rels[j].off >= limit)
			break;
		if (t->rels[j].off > t->rels[k].off && rel_dest(obj, &t->rels[j], &sh, &o))
			return t->rels[j].off;
	}
	return limit < t->size ? limit : t->size;
}

/*
 * An entry's references into the code of the function it is attached to
 * name that function as such, not by a symbol: of several aliases at the
 * address, whichever is compared (the section symbol would resolve to
 * whichever the symbol table prefers), and functions of different names
 * with the same code compare equal (ICF twins, facts_calls.c).
 */
static void name_own_code(const struct objcmp_obj *obj, const struct objcmp_func *f,
			  size_t shndx, struct objcmp_attach *a)
{
	for (size_t i = 0; i < a->nrelocs; i++) {
		struct objcmp_reloc *r = &a->relocs[i];
		const struct sym *y = &obj->syms[r->sym];
		int64_t dest = (int64_t)y->s.st_value + r->addend;

		if (y->s.st_shndx != shndx || !func_covers(f, dest))
			continue;
		free(r->target);
		r->target = xasprintf("(own code)%+" PRId64, dest - (int64_t)f->value);
	}
}

/*
 * An entry pointing at the function's first byte, outside the ftrace
 * sections, is a pointer to the function in a table (a PCI fixup, a
 * setup parameter, a kprobe blacklist...), not an annotation of an
 * instruction: the livepatch's build rightly has no such entry (it must not
 * register the function a second time), and it is not the function's code.
 */
static bool points_at_start(const struct objcmp_obj *obj, const struct sec *t,
			    const struct objcmp_func *f, int64_t off)
{
	return off == (int64_t)f->value && !arch_ftrace_section(obj->arch, t->name);
}

/*
 * Every function symbol at the entry's address gets it: aliases share
 * their code (SYSCALL_DEFINE0's __x64_sys_NAME is __do_sys_NAME), and each
 * of them may be the one compared.
 */
static void attach_one(struct objcmp_obj *obj, const struct sec *t, size_t k)
{
	const struct sec *s;
	size_t shndx;
	int64_t off;
	uint64_t end;

	if (!rel_dest(obj, &t->rels[k], &shndx, &off) || t->rels[k].off >= t->size)
		return;
	s = &obj->secs[shndx];
	end = entry_end(obj, t, k);
	for (size_t i = 0; i < s->nfuncs; i++) {
		struct objcmp_func *f = &obj->funcs[s->funcs[i]];
		struct objcmp_attach *a;

		if (!func_covers(f, off) || points_at_start(obj, t, f, off))
			continue;
		a = ARRAY_PUSH(f->attach, f->nattach, f->capattach);
		a->section = normalize(t->name, obj_prefixes(obj), true);
		a->func_offset = (uint64_t)(off - (int64_t)f->value);
		a->bytes = t->data + t->rels[k].off;
		a->size = end - t->rels[k].off;
		collect_relocs(obj, t, t->rels[k].off, end, false, &a->relocs, &a->nrelocs);
		name_own_code(obj, f, shndx, a);
	}
}

static int cmp_attach(const void *x, const void *y)
{
	const struct objcmp_attach *a = x, *b = y;

	if (a->func_offset != b->func_offset)
		return a->func_offset < b->func_offset ? -1 : 1;
	return strcmp(a->section, b->section);
}

static void load_attached(struct objcmp_obj *obj)
{
	for (size_t i = 1; i < obj->nsecs; i++) {
		const struct sec *t = &obj->secs[i];

		if (!attach_section(obj, t))
			continue;
		for (size_t k = 0; k < t->nrels; k++)
			attach_one(obj, t, k);
	}
	for (size_t i = 0; i < obj->nfuncs; i++) {
		struct objcmp_func *f = &obj->funcs[i];

		if (f->nattach > 1)
			qsort(f->attach, f->nattach, sizeof(struct objcmp_attach), cmp_attach);
		for (size_t k = 0; k < f->nattach && !f->ftrace; k++)
			f->ftrace = arch_ftrace_section(obj->arch, f->attach[k].section);
		obj->ftrace |= f->ftrace;
	}
}

bool objcmp_has_ftrace(const struct objcmp_obj *obj)
{
	return obj->ftrace;
}

/* ---- public API ---- */

/* Section headers and contents within the file? */
static bool within_file(const struct objcmp_obj *obj, const GElf_Ehdr *eh, uint64_t fsize)
{
	if (eh->e_shoff > fsize || (uint64_t)eh->e_shnum * eh->e_shentsize > fsize - eh->e_shoff)
		return false;
	for (size_t i = 1; i < obj->nsecs; i++) {
		const GElf_Shdr *sh = &obj->secs[i].sh;

		if (sh->sh_type != SHT_NOBITS && sh->sh_type != SHT_NULL &&
		    (sh->sh_offset > fsize || sh->sh_size > fsize - sh->sh_offset))
			return false;
	}
	return true;
}

/* NULL on success, else what is wrong. */
static const char *load(struct objcmp_obj *obj)
{
	struct stat st;
	GElf_Ehdr eh;

	if (fstat(obj->fd, &st))
		return strerror(errno);
	if (elf_kind(obj->elf) != ELF_K_ELF || !gelf_getehdr(obj->elf, &eh))
		return "not an ELF file";
	obj->arch = arch_by_machine(eh.e_machine);
	obj->relocatable = eh.e_type == ET_REL;
	if (!load_sections(obj) || !within_file(obj, &eh, (uint64_t)st.st_size))
		return "truncated or corrupt ELF file";
	if (!load_symbols(obj) || !load_relocs(obj))
		return "corrupt symbol table or relocations";
	load_funcs(obj);
	if (obj->attached)
		load_attached(obj);
	return NULL;
}

struct objcmp_obj *objcmp_open(const char *path, const struct objcmp_opts *opts, char **err)
{
	struct objcmp_obj *obj;
	const char *what;

	if (elf_version(EV_CURRENT) == EV_NONE) {
		set_err(err, path, "libelf is out of date");
		return NULL;
	}
	obj = xcalloc(1, sizeof(*obj));
	for (size_t i = 0; opts && opts->prefixes && opts->prefixes[i]; i++)
		strlist_push(&obj->prefixes, opts->prefixes[i]);
	strlist_push_owned(&obj->prefixes, NULL);
	obj->prefixes.n--;
	obj->attached = opts && opts->attached;
	obj->fd = open_regular_file(path);
	if (obj->fd < 0) {
		set_err(err, path, file_strerror(errno));
		objcmp_close(obj);
		return NULL;
	}
	/*
	 * Mapped: load_sections() takes every section's data, and the .debug_*
	 * ones, most of a kernel object, are not read after; read(), they were
	 * copied into fresh pages (150 page faults on fs/read_write.o). Private:
	 * writable copies of the pages, as ELF_C_READ's buffers were.
	 */
	obj->elf = elf_begin(obj->fd, ELF_C_READ_MMAP_PRIVATE, NULL);
	what = obj->elf ? load(obj) : "not an ELF file";
	if (what) {
		set_err(err, path, what);
		objcmp_close(obj);
		return NULL;
	}
	return obj;
}

static void free_relocs(struct objcmp_reloc *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(r[i].target);
	free(r);
}

static void free_func(struct objcmp_func *f)
{
	free(f->name);
	free(f->norm);
	free(f->base);
	free(f->section);
	free_relocs(f->relocs, f->nrelocs);
	for (size_t i = 0; i < f->nattach; i++) {
		free(f->attach[i].section);
		free_relocs(f->attach[i].relocs, f->attach[i].nrelocs);
	}
	free(f->attach);
}

void objcmp_close(struct objcmp_obj *obj)
{
	if (!obj)
		return;
	for (size_t i = 0; i < obj->nfuncs; i++)
		free_func(&obj->funcs[i]);
	free(obj->funcs);
	for (size_t i = 0; i < obj->nsyms; i++) {
		free(obj->syms[i].name);
		free(obj->syms[i].norm);
	}
	free(obj->syms);
	for (size_t i = 0; i < obj->nsecs; i++) {
		free(obj->secs[i].name);
		free(obj->secs[i].rels);
		free(obj->secs[i].funcs);
	}
	free(obj->secs);
	strlist_release(&obj->prefixes);
	if (obj->elf)
		elf_end(obj->elf);
	if (obj->fd >= 0)
		close(obj->fd);
	free(obj);
}

size_t objcmp_nfuncs(const struct objcmp_obj *obj)
{
	return obj->nfuncs;
}

const struct objcmp_func *objcmp_func_at(const struct objcmp_obj *obj, size_t i)
{
	return i < obj->nfuncs ? &obj->funcs[i] : NULL;
}

const struct objcmp_func *objcmp_find(const struct objcmp_obj *obj, const char *name)
{
	for (size_t i = 0; i < obj->nfuncs; i++)
		if (!strcmp(obj->funcs[i].name, name))
			return &obj->funcs[i];
	return NULL;
}

/* ---- comparison ---- */

/* Section reference (sec, X) in obj x equal to symbol reference (S, Y)? */
static bool section_is_symbol(const struct objcmp_obj *x, const struct objcmp_reloc *rx,
			      const struct objcmp_obj *y, const struct objcmp_reloc *ry)
{
	const struct sym *sx = &x->syms[rx->sym], *sy = &y->syms[ry->sym];
	int64_t want;

	if (sx->type != STT_SECTION || sy->type == STT_SECTION)
		return false;
	want = (int64_t)sx->s.st_value + rx->addend - ry->addend;
	for (size_t i = 0; i < x->nsyms; i++) {
		const struct sym *c = &x->syms[i];

		if (c->s.st_shndx == sx->s.st_shndx && plain_sym(c) &&
		    (int64_t)c->s.st_value == want && !strcmp(c->norm, sy->norm))
			return true;
	}
	return false;
}

/* Relocation types the linker resolves alike for a kernel object. */
static uint32_t type_class(const struct objcmp_obj *obj, uint32_t type)
{
	struct arch_reloc r;

	obj->arch->reloc(type, &r);
	return r.cls;
}

static char *describe_tail(const struct objcmp_obj *obj, const struct objcmp_reloc *r,
			   int64_t bias)
{
	struct rawrel raw = { 0, r->type, r->addend, r->sym };

	return describe_biased(obj, &raw, bias);
}

/* Does section-relative r designate a symbol with that bias (not a place
 * between symbols, or a symbol r names itself)? */
static bool designated(const struct objcmp_obj *obj, const struct objcmp_reloc *r, int64_t bias)
{
	const struct sym *y = r->sym < obj->nsyms ? &obj->syms[r->sym] : NULL;

	return y && y->type == STT_SECTION &&
	       covering_sym(obj, y->s.st_shndx, (int64_t)y->s.st_value + r->addend + bias);
}

/*
 * A PC-relative field that ends the instruction but for an immediate
 * (x86: cmpb $0, x(%rip); movl $1, x(%rip)) designates addend + bias + the
 * immediate's size: the plain bias names the object before it in its
 * section (one __already_done of .data.once for another). Both builds have
 * the same instruction (its bytes are compared apart), so the same
 * immediate: the references are equal when some immediate size makes both
 * designate the same place of same-named objects.
 */
static bool equal_with_immediate(const struct objcmp_obj *a, const struct objcmp_reloc *ra,
				 const struct objcmp_obj *b, const struct objcmp_reloc *rb)
{
	static const int64_t imm[] = { 1, 2, 4 };
	struct arch_reloc ar;
	bool eq = false;

	a->arch->reloc(ra->type, &ar);
	if (!ar.pcrel || ar.bias != (int64_t)ar.size)
		return false;
	for (size_t i = 0; i < sizeof(imm) / sizeof(imm[0]) && !eq; i++) {
		char *da, *db;

		if (!designated(a, ra, ar.bias + imm[i]) || !designated(b, rb, ar.bias + imm[i]))
			continue;
		/* described as usual: a __func__ object by its bytes */
		da = describe_tail(a, ra, ar.bias + imm[i]);
		db = describe_tail(b, rb, ar.bias + imm[i]);
		eq = !strcmp(da, db);
		free(da);
		free(db);
	}
	return eq;
}

/*
 * The next ("NAME+OFF", from symbol *i on) of the objects a section-relative
 * relocation points into, or NULL. Objects may share a place (an empty one,
 * a lockdep __key.N of size 0 without CONFIG_LOCKDEP, starts where the next
 * begins): each is a description of it; with end_ok, so is the end of one
 * (a loop's bound, one past a table's last element).
 */
static char *next_place(const struct objcmp_obj *x, const struct objcmp_reloc *rx, bool code,
			bool end_ok, size_t *i)
{
	const struct sym *sx = &x->syms[rx->sym];
	struct arch_reloc ar;
	int64_t off, bias;

	if (sx->type != STT_SECTION)
		return NULL;
	x->arch->reloc(rx->type, &ar);
	bias = code && ar.pcrel ? ar.bias : 0;
	off = (int64_t)sx->s.st_value + rx->addend;
	for (; *i < x->nsyms; (*i)++) {
		const struct sym *c = &x->syms[*i];
		int64_t v = (int64_t)c->s.st_value, sz = c->s.st_size ? (int64_t)c->s.st_size : 1;

		if (c->s.st_shndx == sx->s.st_shndx && plain_sym(c) && c->type == STT_OBJECT &&
		    !func_name_object(x, c) &&	/* compared by its bytes */
		    off + bias >= v && (off + bias < v + sz || (end_ok && off + bias == v + sz)))
			return xasprintf("%s%+" PRId64, x->syms[(*i)++].norm, off - v);
	}
	return NULL;
}

/* Does section-relative rx designate a place where, of the objects there,
 * one is what ry names? */
static bool shared_place(const struct objcmp_obj *x, const struct objcmp_reloc *rx,
			 const struct objcmp_reloc *ry, bool code, bool end_ok)
{
	bool eq = false;
	size_t i = 0;
	char *d;

	while (!eq && (d = next_place(x, rx, code, end_ok, &i))) {
		eq = !strcmp(d, ry->target);
		free(d);
	}
	return eq;
}

/*
 * Both relocations section-relative into (or to the end of) a same-named
 * object at the same offset: a local object (a table lp.c copies) lies elsewhere in the other
 * build's .rodata, after other objects of its unit.
 */
static bool same_object_place(const struct objcmp_obj *a, const struct objcmp_reloc *ra,
			      const struct objcmp_obj *b, const struct objcmp_reloc *rb, bool code)
{
	bool eq = false;
	size_t i = 0;
	char *d;

	while (!eq && (d = next_place(a, ra, code, true, &i))) {
		struct objcmp_reloc named = *rb;

		named.target = d;
		eq = shared_place(b, rb, &named, code, true);
		free(d);
	}
	return eq;
}

static bool reloc_equal(const struct objcmp_obj *a, const struct objcmp_reloc *ra,
			const struct objcmp_obj *b, const struct objcmp_reloc *rb, bool code)
{
	if (type_class(a, ra->type) != type_class(b, rb->type))
		return false;
	if (!strcmp(ra->target, rb->target))
		return true;
	return section_is_symbol(a, ra, b, rb) || section_is_symbol(b, rb, a, ra) ||
	       shared_place(a, ra, rb, code, false) || shared_place(b, rb, ra, code, false) ||
	       same_object_place(a, ra, b, rb, code) ||
	       (code && equal_with_immediate(a, ra, b, rb));
}

static char *reloc_diff(const struct objcmp_obj *a, const struct objcmp_reloc *ra, size_t na,
			const struct objcmp_obj *b, const struct objcmp_reloc *rb, size_t nb,
			const char *what, bool code)
{
	for (size_t k = 0; k < na && k < nb; k++) {
		if (ra[k].offset != rb[k].offset)
			return xasprintf("%srelocation %zu at +0x%" PRIx64 " vs +0x%" PRIx64,
					 what, k, ra[k].offset, rb[k].offset);
		if (!reloc_equal(a, &ra[k], b, &rb[k], code) && !strcmp(ra[k].target, rb[k].target))
			return xasprintf("%srelocation %zu at +0x%" PRIx64 " type %u vs %u",
					 what, k, ra[k].offset, ra[k].type, rb[k].type);
		if (!reloc_equal(a, &ra[k], b, &rb[k], code))
			return xasprintf("%srelocation %zu at +0x%" PRIx64 " target %s vs %s",
					 what, k, ra[k].offset, ra[k].target, rb[k].target);
	}
	if (na != nb)
		return xasprintf("%s%zu vs %zu relocations", what, na, nb);
	return NULL;
}

/* ---- references the assembler resolved (no relocation) ---- */

/*
 * The reference at off of f that the assembler resolved (a call between two
 * functions of one section), as a relocation like the other build's
 * relocation like: false when the architecture cannot read the field or it
 * designates no symbol.
 */
static bool implicit_reloc(const struct objcmp_obj *obj, const struct objcmp_func *f,
			   uint64_t off, uint32_t type, struct objcmp_reloc *out)
{
	struct arch_reloc ar;
	const struct sym *c;
	int64_t v, dest;

	obj->arch->reloc(type, &ar);
	if (!obj->arch->field_value || !ar.pcrel || !f->bytes || off + ar.size > f->size ||
	    !obj->arch->field_value(type, f->bytes + off, &v))
		return false;
	dest = (int64_t)(f->value + off) + v + ar.bias;
	c = covering_sym(obj, f->shndx, dest);
	if (!c)
		return false;
	/* a local call enters after the TOC set-up (ppc64): the function itself */
	if (c->type == STT_FUNC && dest - (int64_t)c->s.st_value ==
	    (int64_t)arch_local_entry(obj->arch, c->s.st_other))
		dest = (int64_t)c->s.st_value;
	out->offset = off;
	out->type = type;
	out->size = ar.size;
	out->addend = dest - ar.bias - (int64_t)c->s.st_value;
	out->sym = (size_t)(c - obj->syms);
	out->target = xasprintf("%s%+" PRId64, c->norm, out->addend);
	return true;
}

static bool has_reloc_at(const struct objcmp_reloc *r, size_t n, uint64_t off)
{
	for (size_t k = 0; k < n; k++)
		if (r[k].offset < off + 1 && off < r[k].offset + (r[k].size ? r[k].size : 1))
			return true;
	return false;
}

static int cmp_reloc_off(const void *x, const void *y)
{
	const struct objcmp_reloc *a = x, *b = y;

	return a->offset < b->offset ? -1 : a->offset > b->offset;
}

/* f's relocations plus, where the other build's function g has one that f
 * lacks, the reference the assembler resolved there (owned copy). */
static struct objcmp_reloc *with_implicit(const struct objcmp_obj *obj, const struct objcmp_func *f,
					  const struct objcmp_func *g, size_t *n)
{
	struct objcmp_reloc *v = NULL;
	size_t cap = 0;

	*n = 0;
	for (size_t k = 0; k < f->nrelocs; k++) {
		struct objcmp_reloc *o = ARRAY_PUSH(v, *n, cap);

		*o = f->relocs[k];
		o->target = xstrdup(o->target);
	}
	for (size_t k = 0; k < g->nrelocs; k++) {
		struct objcmp_reloc tmp;

		if (has_reloc_at(f->relocs, f->nrelocs, g->relocs[k].offset) ||
		    !implicit_reloc(obj, f, g->relocs[k].offset, g->relocs[k].type, &tmp))
			continue;
		*(struct objcmp_reloc *)ARRAY_PUSH(v, *n, cap) = tmp;
	}
	if (*n)
		qsort(v, *n, sizeof(*v), cmp_reloc_off);
	return v;
}

static char *reloc_diff_implicit(const struct objcmp_obj *a, const struct objcmp_func *fa,
				 const struct objcmp_obj *b, const struct objcmp_func *fb)
{
	size_t na, nb;
	struct objcmp_reloc *ra = with_implicit(a, fa, fb, &na);
	struct objcmp_reloc *rb = with_implicit(b, fb, fa, &nb);
	char *r = reloc_diff(a, ra, na, b, rb, nb, "", true);

	free_relocs(ra, na);
	free_relocs(rb, nb);
	return r;
}

static void mask_relocs(bool *mask, size_t size, const struct objcmp_reloc *r, size_t n)
{
	for (size_t k = 0; k < n; k++)
		for (uint64_t i = r[k].offset; i < r[k].offset + r[k].size && i < size; i++)
			mask[i] = true;
}

static uint64_t le(const unsigned char *p, size_t w)
{
	uint64_t v = 0;

	for (size_t i = 0; i < w; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

/*
 * Does the differing run [i, j) fit a line-number-like field starting at i
 * (little-endian: a small shift changes the lowest byte)? In code: a 32-bit
 * immediate; in attached data also a 16-bit field (__bug_table's line).
 */
static bool line_like_run(const unsigned char *x, const unsigned char *y, size_t size,
			  size_t i, size_t j, bool data, int64_t *delta)
{
	for (size_t wd = 4; wd >= (data ? 2 : 4); wd -= 2) {
		int64_t va, vb;

		if (i + wd > size || j - i > wd)
			continue;
		va = (int64_t)le(x + i, wd);
		vb = (int64_t)le(y + i, wd);
		if (va < 10 || vb < 10 || va > 100000 || vb > 100000 || llabs(vb - va) > 1000 ||
		    (*delta && vb - va != *delta)) {
			if (!data)
				return false;
			continue;
		}
		*delta = vb - va;
		return true;
	}
	return false;
}

/* 0: equal, 1: only line-like differences (same *delta), 2: differ at *at. */
static int bytes_diff(const unsigned char *x, const unsigned char *y, size_t size,
		      const bool *mask, bool data, int64_t *delta, size_t *at)
{
	int res = 0;

	for (size_t i = 0; i < size; i++) {
		size_t j = i;

		if (mask[i] || x[i] == y[i])
			continue;
		while (j < size && !mask[j] && x[j] != y[j] && j - i < 8)
			j++;
		if (j - i > 4 || !line_like_run(x, y, size, i, j, data, delta)) {
			*at = i;
			return 2;
		}
		res = 1;
		i = j;
	}
	return res;
}

/* pre: bytes masked beforehand (size of them), or NULL. */
static int compare_bytes(const unsigned char *x, const struct objcmp_reloc *rx, size_t nx,
			 const unsigned char *y, const struct objcmp_reloc *ry, size_t ny,
			 size_t size, bool data, const bool *pre, int64_t *delta, size_t *at)
{
	bool *mask;
	int res;

	if (!size)
		return 0;
	mask = xcalloc(size, sizeof(bool));
	if (pre)
		memcpy(mask, pre, size * sizeof(bool));
	mask_relocs(mask, size, rx, nx);
	mask_relocs(mask, size, ry, ny);
	res = bytes_diff(x, y, size, mask, data, delta, at);
	free(mask);
	return res;
}

/*
 * Jump-label sites (__jump_table entries): the jump or no-op there is the
 * key's state, which a build tool may have set (objtool turns the jumps of
 * a kbuild object into no-ops); the entries themselves are compared. Both
 * builds must have an instruction of the same length there. NULL: none.
 */
static bool *jump_sites(const struct objcmp_obj *a, const struct objcmp_func *fa,
			const struct objcmp_obj *b, const struct objcmp_func *fb)
{
	bool *mask = NULL;

	if (!a->arch->jump_site_len || a->arch != b->arch || !fa->bytes || !fb->bytes)
		return NULL;
	for (size_t k = 0; k < fa->nattach; k++) {
		uint64_t off = fa->attach[k].func_offset;
		unsigned n;

		if (strcmp(fa->attach[k].section, "__jump_table") || off >= fa->size)
			continue;
		n = a->arch->jump_site_len(fa->bytes + off, fa->size - off);
		if (!n || n != b->arch->jump_site_len(fb->bytes + off, fb->size - off))
			continue;
		if (!mask)
			mask = xcalloc(fa->size, sizeof(bool));
		memset(mask + off, 1, n * sizeof(bool));
	}
	return mask;
}

/* One attached entry of each: the reason they differ, or NULL. */
static char *entry_diff(const struct objcmp_obj *a, const struct objcmp_attach *x,
			const struct objcmp_obj *b, const struct objcmp_attach *y, size_t k,
			int64_t *delta, bool *line_only)
{
	char *what = xasprintf("%s entry for +0x%" PRIx64 ": ", x->section, x->func_offset);
	char *r = NULL;
	size_t at = 0;
	int res;

	if (strcmp(x->section, y->section) || x->func_offset != y->func_offset)
		r = xasprintf("attached entry %zu: %s+0x%" PRIx64 " vs %s+0x%" PRIx64, k,
			      x->section, x->func_offset, y->section, y->func_offset);
	else if (x->size != y->size)
		r = xasprintf("%ssize %zu vs %zu", what, x->size, y->size);
	else if ((res = compare_bytes(x->bytes, x->relocs, x->nrelocs, y->bytes, y->relocs,
				      y->nrelocs, x->size, true, NULL, delta, &at)) == 2)
		r = xasprintf("%sbyte at +0x%zx", what, at);
	else if (!(r = reloc_diff(a, x->relocs, x->nrelocs, b, y->relocs, y->nrelocs, what, false)) &&
		 res == 1)
		*line_only = true;
	free(what);
	return r;
}

/*
 * Ftrace call-site entries that only one object has at all come from a tool
 * run on it after the compile (recordmcount adds __mcount_loc to a kbuild
 * object): not compared then.
 */
static bool skip_entry(const struct objcmp_obj *a, const struct objcmp_obj *b,
		       const struct objcmp_attach *x)
{
	return a->ftrace != b->ftrace && arch_ftrace_section(a->arch, x->section);
}

static char *attach_diff(const struct objcmp_obj *a, const struct objcmp_func *fa,
			 const struct objcmp_obj *b, const struct objcmp_func *fb,
			 int64_t *delta, bool *line_only)
{
	size_t i = 0, j = 0, na = 0, nb = 0;

	for (size_t k = 0; k < fa->nattach; k++)
		na += !skip_entry(a, b, &fa->attach[k]);
	for (size_t k = 0; k < fb->nattach; k++)
		nb += !skip_entry(a, b, &fb->attach[k]);
	for (size_t k = 0; k < na && k < nb; k++, i++, j++) {
		char *r;

		while (skip_entry(a, b, &fa->attach[i]))
			i++;
		while (skip_entry(a, b, &fb->attach[j]))
			j++;
		r = entry_diff(a, &fa->attach[i], b, &fb->attach[j], k, delta, line_only);
		if (r)
			return r;
	}
	if (na != nb)
		return xasprintf("%zu vs %zu attached entries (__bug_table, __jump_table...)",
				 na, nb);
	return NULL;
}

static void set_reason(char **reason, char *r)
{
	if (reason)
		*reason = r;
	else
		free(r);
}

/* The first n bytes of f, with their relocations and attached entries. */
static struct objcmp_func truncated(const struct objcmp_func *f, uint64_t n)
{
	struct objcmp_func t = *f;

	t.size = n;
	while (t.nrelocs && t.relocs[t.nrelocs - 1].offset >= n)
		t.nrelocs--;
	while (t.nattach && t.attach[t.nattach - 1].func_offset >= n)
		t.nattach--;
	return t;
}

/*
 * Does s (the short build) end in a short jump to the start of a function
 * of its section where l ends in the long jump, one byte shorter than its
 * relocation says (jmp memcmp as eb XX where bcmp's section holds memcmp
 * nearby, e9 + memcmp-4 in lp.c's build)? The assembler chose the form
 * from the layout of the section: the same code.
 */
static bool short_tail_jump(const struct objcmp_obj *so, const struct objcmp_func *s,
			    const struct objcmp_obj *lo, const struct objcmp_func *l)
{
	const struct arch *ar = so->arch;
	uint64_t at = s->size - ar->jmp_short_len;
	const struct objcmp_reloc *r;
	const struct sym *c;
	int64_t dest;
	char *want;
	bool same;

	if (!ar->jmp_short_len || ar != lo->arch || !s->bytes || !l->bytes ||
	    s->size < ar->jmp_short_len || l->size != at + ar->jmp_long_len ||
	    s->bytes[at] != ar->jmp_short_op || l->bytes[at] != ar->jmp_long_op ||
	    !l->nrelocs || (r = &l->relocs[l->nrelocs - 1])->offset != at + 1 ||
	    (s->nrelocs && s->relocs[s->nrelocs - 1].offset >= at))
		return false;
	dest = (int64_t)(s->value + s->size) + (int8_t)s->bytes[s->size - 1];
	c = covering_sym(so, s->shndx, dest);
	if (!c || c->type != STT_FUNC || (int64_t)c->s.st_value != dest)
		return false;
	want = xasprintf("%s%+" PRId64, c->norm, -(int64_t)(ar->jmp_long_len - 1));
	same = !strcmp(want, r->target);
	free(want);
	return same;
}

static bool tail_jumps_differ_only(const struct objcmp_obj *a, const struct objcmp_func *fa,
				   const struct objcmp_obj *b, const struct objcmp_func *fb,
				   struct objcmp_func *ta, struct objcmp_func *tb)
{
	uint64_t at;

	if (short_tail_jump(a, fa, b, fb))
		at = fa->size - a->arch->jmp_short_len;
	else if (short_tail_jump(b, fb, a, fa))
		at = fb->size - b->arch->jmp_short_len;
	else
		return false;
	*ta = truncated(fa, at);
	*tb = truncated(fb, at);
	return true;
}

/*
 * Branches both builds' assemblers resolved (neither has a relocation
 * there): equal when they designate the same function and offset, though
 * their bytes differ with the functions' places in their sections (two
 * functions of one object built without -ffunction-sections). Adds them to
 * mask (fa->size entries, allocated when NULL); returns it.
 */
static bool *both_resolved(const struct objcmp_obj *a, const struct objcmp_func *fa,
			   const struct objcmp_obj *b, const struct objcmp_func *fb, bool *mask)
{
	for (uint64_t off = 0; a->arch->branch_type && a->arch == b->arch && fa->bytes &&
			       fb->bytes && off + 4 <= fa->size; off++) {
		uint32_t type = a->arch->branch_type(fa->bytes, fa->size, off);
		struct objcmp_reloc ra, rb;
		bool same;

		if (!type || type != b->arch->branch_type(fb->bytes, fb->size, off) ||
		    !memcmp(fa->bytes + off, fb->bytes + off, 4) ||
		    has_reloc_at(fa->relocs, fa->nrelocs, off) ||
		    has_reloc_at(fb->relocs, fb->nrelocs, off) ||
		    !implicit_reloc(a, fa, off, type, &ra))
			continue;
		if (!implicit_reloc(b, fb, off, type, &rb)) {
			free(ra.target);
			continue;
		}
		same = !strcmp(ra.target, rb.target) && ra.size == rb.size;
		if (same && !mask)
			mask = xcalloc(fa->size, sizeof(bool));
		for (uint64_t i = off; same && i < off + ra.size && i < fa->size; i++)
			mask[i] = true;
		free(ra.target);
		free(rb.target);
	}
	return mask;
}

enum objcmp_result objcmp_compare(const struct objcmp_obj *a, const struct objcmp_func *fa,
				  const struct objcmp_obj *b, const struct objcmp_func *fb,
				  char **reason, int64_t *line_delta)
{
	struct objcmp_func ta, tb;

	int64_t delta = 0;
	bool line_only = false, *pre;
	size_t at = 0;
	int res;
	char *r;

	if (reason)
		*reason = NULL;
	if (line_delta)
		*line_delta = 0;
	if (fa->size != fb->size && tail_jumps_differ_only(a, fa, b, fb, &ta, &tb))
		return objcmp_compare(a, &ta, b, &tb, reason, line_delta);
	if (fa->size != fb->size) {
		set_reason(reason, xasprintf("size %" PRIu64 " vs %" PRIu64, fa->size, fb->size));
		return OBJCMP_DIFFERS;
	}
	if (fa->local_entry != fb->local_entry) {
		set_reason(reason, xasprintf("local entry point +%u vs +%u", fa->local_entry,
					     fb->local_entry));
		return OBJCMP_DIFFERS;
	}
	pre = both_resolved(a, fa, b, fb, jump_sites(a, fa, b, fb));
	res = compare_bytes(fa->bytes, fa->relocs, fa->nrelocs, fb->bytes, fb->relocs,
			    fb->nrelocs, fa->size, false, pre, &delta, &at);
	free(pre);
	if (res == 2) {
		set_reason(reason, xasprintf("byte at +0x%zx (0x%02x vs 0x%02x)", at,
					     fa->bytes[at], fb->bytes[at]));
		return OBJCMP_DIFFERS;
	}
	line_only = res == 1;
	r = reloc_diff_implicit(a, fa, b, fb);
	if (!r)
		r = attach_diff(a, fa, b, fb, &delta, &line_only);
	if (r) {
		set_reason(reason, r);
		return OBJCMP_DIFFERS;
	}
	if (line_only) {
		if (line_delta)
			*line_delta = delta;
		set_reason(reason, xasprintf("line numbers shifted by %+" PRId64, delta));
		return OBJCMP_LINE_ONLY;
	}
	return OBJCMP_IDENTICAL;
}

bool objcmp_relocatable(const struct objcmp_obj *obj)
{
	return obj->relocatable;
}

bool objcmp_has_section(const struct objcmp_obj *obj, const char *name)
{
	for (size_t i = 1; i < obj->nsecs; i++)
		if (!strcmp(obj->secs[i].name, name))
			return true;
	return false;
}

/* ---- what a function calls ---- */

/* "name+addend" -> "name". */
static char *target_name(const char *target)
{
	size_t n = strlen(target);

	while (n && target[n - 1] >= '0' && target[n - 1] <= '9')
		n--;
	if (n && (target[n - 1] == '+' || target[n - 1] == '-') && n < strlen(target))
		n--;
	return xstrndup(target, n);
}

static void add_callee(struct strlist *out, const struct objcmp_func *f, char *name)
{
	size_t bl = strlen(f->base);

	/* its own parts (.cold, .part) and recursion are not callees */
	if (!name[0] || name[0] == '.' || name[0] == '<' || !strcmp(name, f->base) ||
	    (!strncmp(name, f->base, bl) && name[bl] == '.') || strlist_contains(out, name))
		free(name);
	else
		strlist_push_owned(out, name);
}

/* Is relocation r of f a call or jump? */
static bool reloc_is_branch(const struct objcmp_obj *obj, const struct objcmp_func *f,
			    const struct objcmp_reloc *r)
{
	struct arch_reloc ar;

	obj->arch->reloc(r->type, &ar);
	if (!ar.pcrel)
		return false;
	if (obj->arch->branch_type)
		return f->bytes && obj->arch->branch_type(f->bytes, f->size, r->offset) != 0;
	return obj->syms[r->sym].type == STT_FUNC;
}

/* Calls the assembler resolved: a branch operand without relocation that
 * designates the start of another function of the section. */
static void implicit_callees(const struct objcmp_obj *obj, const struct objcmp_func *f,
			     struct strlist *out)
{
	const struct sec *s = &obj->secs[f->shndx];

	for (uint64_t off = 0; obj->arch->branch_type && f->bytes && off < f->size; off++) {
		uint32_t type = obj->arch->branch_type(f->bytes, f->size, off);
		struct objcmp_reloc r;

		struct arch_reloc ar;
		int64_t dest;

		if (!type || has_reloc_at(f->relocs, f->nrelocs, off) ||
		    !implicit_reloc(obj, f, off, type, &r))
			continue;
		obj->arch->reloc(type, &ar);
		dest = (int64_t)obj->syms[r.sym].s.st_value + r.addend + ar.bias;
		free(r.target);
		for (size_t i = 0; i < s->nfuncs; i++) {
			const struct objcmp_func *g = &obj->funcs[s->funcs[i]];

			if (g != f && (int64_t)g->value == dest) {
				add_callee(out, f, xstrdup(g->norm));
				break;
			}
		}
	}
}

void objcmp_callees(const struct objcmp_obj *obj, const struct objcmp_func *f,
		    struct strlist *out)
{
	for (size_t k = 0; k < f->nrelocs; k++)
		if (reloc_is_branch(obj, f, &f->relocs[k]))
			add_callee(out, f, target_name(f->relocs[k].target));
	implicit_callees(obj, f, out);
}

