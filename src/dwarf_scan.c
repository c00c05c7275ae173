/*
 * The DIE tree of a unit from the raw bytes of .debug_info: libdwarf
 * 20210528 decodes a DIE's abbreviation anew (LEB128 by LEB128) and allocates
 * a Dwarf_Die for each step of dwarf_siblingof_b(), about 2000 instructions a
 * DIE; the facts need a few DIEs of a unit's thousands (functions, inlined
 * calls, call sites, statics), the rest (types, members, parameters) is only
 * stepped over. Here an abbreviation table is decoded once and a DIE is
 * stepped over by the sizes of its forms. Values are not decoded, so
 * relocations (a relocatable object's .debug_info is read unrelocated) do not
 * matter; the caller asks libdwarf for the DIEs it reads.
 *
 * Every bound is checked: malformed bytes make a function return false (the
 * caller then lets libdwarf walk, and report, the unit).
 */
#include <dwarf.h>
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/dwarf_scan.h"
#include "klp-ccp/util.h"

#ifndef DW_FORM_implicit_const
#define DW_FORM_implicit_const 0x21
#endif
#define MAX_CODES (1u << 20)

/* ---- bytes --------------------------------------------------------------- */

static bool uleb(const unsigned char *b, uint64_t end, uint64_t *p, uint64_t *v)
{
	unsigned shift = 0;

	*v = 0;
	while (*p < end) {
		unsigned char c = b[(*p)++];

		if (shift < 64)
			*v |= (uint64_t)(c & 0x7f) << shift;
		shift += 7;
		if (!(c & 0x80))
			return true;
	}
	return false;
}

static bool fixed(const struct dwarf_scan_unit *u, uint64_t *p, unsigned n, uint64_t *v)
{
	const unsigned char *b = u->info + *p;

	if (*p > u->end || u->end - *p < n)
		return false;
	*v = 0;
	for (unsigned i = 0; i < n; i++)
		*v |= (uint64_t)b[u->msb ? i : n - 1 - i] << (8 * (n - 1 - i));
	*p += n;
	return true;
}

static bool skip_n(const struct dwarf_scan_unit *u, uint64_t *p, uint64_t n)
{
	if (*p > u->end || u->end - *p < n)
		return false;
	*p += n;
	return true;
}

/* ---- forms --------------------------------------------------------------- */

/* Size of a form's value: 0..16 bytes, or one of these. */
enum { SZ_ULEB = -1, SZ_STRING = -2, SZ_BLOCK1 = -3, SZ_BLOCK2 = -4, SZ_BLOCK4 = -5,
       SZ_BLOCK = -6, SZ_INDIRECT = -7, SZ_OFFSET = -8, SZ_ADDRESS = -9, SZ_REF_ADDR = -10,
       SZ_UNKNOWN = -11 };

static int form_size(unsigned form)
{
	switch (form) {
	case DW_FORM_flag_present: case DW_FORM_implicit_const:
		return 0;
	case DW_FORM_data1: case DW_FORM_flag: case DW_FORM_ref1: case DW_FORM_strx1:
	case DW_FORM_addrx1:
		return 1;
	case DW_FORM_data2: case DW_FORM_ref2: case DW_FORM_strx2: case DW_FORM_addrx2:
		return 2;
	case DW_FORM_strx3: case DW_FORM_addrx3:
		return 3;
	case DW_FORM_data4: case DW_FORM_ref4: case DW_FORM_ref_sup4: case DW_FORM_strx4:
	case DW_FORM_addrx4:
		return 4;
	case DW_FORM_data8: case DW_FORM_ref8: case DW_FORM_ref_sig8: case DW_FORM_ref_sup8:
		return 8;
	case DW_FORM_data16:
		return 16;
	case DW_FORM_sdata: case DW_FORM_udata: case DW_FORM_ref_udata: case DW_FORM_strx:
	case DW_FORM_addrx: case DW_FORM_loclistx: case DW_FORM_rnglistx:
	case DW_FORM_GNU_addr_index: case DW_FORM_GNU_str_index:
		return SZ_ULEB;
	case DW_FORM_string:
		return SZ_STRING;
	case DW_FORM_block1:
		return SZ_BLOCK1;
	case DW_FORM_block2:
		return SZ_BLOCK2;
	case DW_FORM_block4:
		return SZ_BLOCK4;
	case DW_FORM_block: case DW_FORM_exprloc:
		return SZ_BLOCK;
	case DW_FORM_indirect:
		return SZ_INDIRECT;
	case DW_FORM_strp: case DW_FORM_sec_offset: case DW_FORM_strp_sup:
	case DW_FORM_line_strp: case DW_FORM_GNU_ref_alt: case DW_FORM_GNU_strp_alt:
		return SZ_OFFSET;
	case DW_FORM_addr:
		return SZ_ADDRESS;
	case DW_FORM_ref_addr:
		return SZ_REF_ADDR;
	default:
		return SZ_UNKNOWN;
	}
}

/* Steps over a value of form at *p; its value in *v when it is a number. */
static bool skip_value(const struct dwarf_scan_unit *u, unsigned form, uint64_t *p, uint64_t *v)
{
	int size = form_size(form);
	uint64_t len;

	if (*p > u->end)
		return false;
	const unsigned char *nul;

	*v = 0;
	switch (size) {
	case SZ_ULEB:
		return uleb(u->info, u->end, p, v);
	case SZ_STRING:
		nul = memchr(u->info + *p, '\0', u->end - *p);
		if (!nul)
			return false;
		*p = (uint64_t)(nul - u->info) + 1;
		return true;
	case SZ_BLOCK1:
		return fixed(u, p, 1, &len) && skip_n(u, p, len);
	case SZ_BLOCK2:
		return fixed(u, p, 2, &len) && skip_n(u, p, len);
	case SZ_BLOCK4:
		return fixed(u, p, 4, &len) && skip_n(u, p, len);
	case SZ_BLOCK:
		return uleb(u->info, u->end, p, &len) && skip_n(u, p, len);
	case SZ_INDIRECT:
		/* one level: an indirect form naming DW_FORM_indirect again is refused */
		return uleb(u->info, u->end, p, &len) && len != DW_FORM_indirect &&
		       len != DW_FORM_implicit_const && skip_value(u, (unsigned)len, p, v);
	case SZ_OFFSET:
		return fixed(u, p, u->offset_size, v);
	case SZ_ADDRESS:
		return fixed(u, p, u->address_size, v);
	case SZ_REF_ADDR:
		return fixed(u, p, u->version <= 2 ? u->address_size : u->offset_size, v);
	case SZ_UNKNOWN:
		return false;
	default:
		return size <= 8 ? fixed(u, p, (unsigned)size, v) : skip_n(u, p, (uint64_t)size);
	}
}

/* ---- abbreviations ------------------------------------------------------- */

static bool read_abbrev(struct dwarf_scan_table *t, const unsigned char *b, uint64_t len,
			uint64_t *p, uint64_t code)
{
	struct dwarf_scan_abbrev *ab;
	uint64_t tag, at, form, value;

	if (!code || code >= MAX_CODES || !uleb(b, len, p, &tag) || *p >= len || tag > 0xffff)
		return false;
	if (code >= t->n_codes) {
		size_t n = t->n_codes ? t->n_codes : 64;

		while (n <= code)
			n *= 2;
		t->by_code = xrealloc(t->by_code, n * sizeof(*t->by_code));
		memset(t->by_code + t->n_codes, 0, (n - t->n_codes) * sizeof(*t->by_code));
		t->n_codes = n;
	}
	ab = &t->by_code[code];
	if (ab->known)
		return false;
	*ab = (struct dwarf_scan_abbrev){ .tag = (uint16_t)tag, .children = b[(*p)++] != 0,
					  .known = true, .first = (uint32_t)t->n_specs };
	for (;;) {
		if (!uleb(b, len, p, &at) || !uleb(b, len, p, &form))
			return false;
		if (!at && !form)
			return true;
		if (at > 0xffff || form > 0xffff || form_size((unsigned)form) == SZ_UNKNOWN)
			return false;
		if (form == DW_FORM_implicit_const && !uleb(b, len, p, &value))	/* SLEB: same length */
			return false;
		*ARRAY_PUSH(t->specs, t->n_specs, t->cap_specs) = (struct dwarf_scan_spec){
			(uint16_t)at, (uint16_t)form,
			/* a DW_AT_sibling's value is read */
			at == DW_AT_sibling ? SZ_UNKNOWN : (int8_t)form_size((unsigned)form) };
		ab->n++;
	}
}

bool dwarf_scan_table_read(struct dwarf_scan_table *t, const unsigned char *abbrev,
			   uint64_t len, uint64_t offset)
{
	uint64_t p = offset, code;

	memset(t, 0, sizeof(*t));
	t->offset = offset;
	if (offset >= len)
		return false;
	while (uleb(abbrev, len, &p, &code)) {
		if (!code)
			return true;
		if (!read_abbrev(t, abbrev, len, &p, code))
			return false;
	}
	return false;
}

void dwarf_scan_table_release(struct dwarf_scan_table *t)
{
	free(t->by_code);
	free(t->specs);
	memset(t, 0, sizeof(*t));
}

/* ---- DIEs ---------------------------------------------------------------- */

bool dwarf_scan_die(const struct dwarf_scan_unit *u, uint64_t off, struct dwarf_scan_die *d)
{
	const struct dwarf_scan_table *t = u->table;
	uint64_t p = off, code, v;

	*d = (struct dwarf_scan_die){ .off = off };
	if (off < u->start || off >= u->end || !uleb(u->info, u->end, &p, &code))
		return false;
	if (code) {
		if (code >= t->n_codes || !t->by_code[code].known)
			return false;
		d->ab = &t->by_code[code];
		for (uint32_t i = 0; i < d->ab->n; i++) {
			const struct dwarf_scan_spec *s = &t->specs[d->ab->first + i];

			/* sizes add up: p is checked before a read and at the end */
			if (s->size >= 0) {
				p += (uint64_t)s->size;
				continue;
			}
			if (s->size == SZ_OFFSET || s->size == SZ_ADDRESS) {
				p += s->size == SZ_OFFSET ? u->offset_size : u->address_size;
				continue;
			}
			if (s->size == SZ_ULEB) {
				while (p < u->end && (u->info[p] & 0x80))
					p++;
				if (p++ >= u->end)
					return false;
				continue;
			}
			if (!skip_value(u, s->form, &p, &v))
				return false;
			if (s->at != DW_AT_sibling)
				continue;
			/* a reference: into the unit unless DW_FORM_ref_addr */
			d->sibling = s->form == DW_FORM_ref_addr ? v : u->start + v;
			if (s->form == DW_FORM_indirect || d->sibling > u->end)
				return false;
		}
	}
	d->body = p;
	return p <= u->end && (!d->sibling || d->sibling >= p);
}

int dwarf_scan_ref(const struct dwarf_scan_unit *u, const struct dwarf_scan_die *d, unsigned at,
		   uint64_t *off)
{
	const struct dwarf_scan_table *t = u->table;
	uint64_t p = d->off, code, v;

	if (!d->ab || !uleb(u->info, u->end, &p, &code))
		return -1;
	for (uint32_t i = 0; i < d->ab->n; i++) {
		const struct dwarf_scan_spec *s = &t->specs[d->ab->first + i];

		if (!skip_value(u, s->form, &p, &v))
			return -1;
		if (s->at != at)
			continue;
		if (s->form != DW_FORM_ref1 && s->form != DW_FORM_ref2 && s->form != DW_FORM_ref4 &&
		    s->form != DW_FORM_ref8 && s->form != DW_FORM_ref_udata)
			return -1;
		/* libdwarf's dwarf_global_formref() refuses what is not in the unit */
		if (v >= u->end - u->start)
			return -1;
		*off = u->start + v;
		return 1;
	}
	return 0;
}

bool dwarf_scan_skip(const struct dwarf_scan_unit *u, const struct dwarf_scan_die *d,
		     uint64_t *next)
{
	uint64_t depth = 1, p = d->body;
	struct dwarf_scan_die c;

	if (!d->ab || !d->ab->children || d->sibling) {
		*next = d->ab && d->ab->children ? d->sibling : d->body;
		return true;
	}
	while (depth) {
		if (!dwarf_scan_die(u, p, &c))
			return false;
		if (!c.ab)
			depth--;
		else if (c.ab->children && !c.sibling)
			depth++;
		p = c.ab && c.ab->children && c.sibling ? c.sibling : c.body;
	}
	*next = p;
	return true;
}
