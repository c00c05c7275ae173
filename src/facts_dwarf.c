/*
 * Binary facts from the DWARF of one target object (libdwarf 20210528, old
 * API; DWARF 4 and 5):
 *
 * - every out-of-line function is a DW_TAG_subprogram with DW_AT_low_pc or
 *   DW_AT_ranges; it is named by the ELF symbol at its address (in a
 *   relocatable object the relocation of DW_AT_low_pc in .rela.debug_info
 *   gives the section), which also names clones: NAME.isra.0 carries the
 *   DWARF name of NAME. Without an address, the DWARF name picks the symbol.
 * - every DW_TAG_inlined_subroutine below it (at any depth: nested inlining)
 *   is an inlining of its DW_AT_abstract_origin into that function.
 * - every DW_TAG_call_site (DW_TAG_GNU_call_site) below it whose
 *   DW_AT_call_origin (DW_AT_abstract_origin) is the out-of-line instance of
 *   a clone is a call via that clone.
 *
 * libdwarf 20210528 can crash on corrupt DWARF (e.g. a double free in
 * dwarf_load_rnglists), so the DWARF is read in a forked child that sends its
 * findings back through a pipe as NUL-separated records "I CALLEE FUNCTION"
 * (CALLEE inlined into FUNCTION), "V NAME CALLER" (CALLER calls a clone of
 * NAME) and "D SYMBOL" (the DWARF describes that out-of-line function); a
 * crash is reported as an error.
 *
 * The child runs while the parent parses, on the same cores: its cost is the
 * extraction's. A unit's DIEs are stepped over by src/dwarf_scan.c (most are
 * types, members and parameters, never read); libdwarf reads the attributes
 * of the few DIEs the facts need, and walks a unit the scan cannot.
 */
#include <elf.h>
#include <errno.h>
#include <gelf.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <dwarf.h>
#include <libdwarf.h>

#include "klp-ccp/diag.h"
#include "klp-ccp/dwarf_scan.h"
#define KLP_CCP_FACTS_INTERNAL
#include "klp-ccp/facts.h"
#include "klp-ccp/facts_dwarf_map.h"
#include "klp-ccp/util.h"

#ifndef DW_TAG_call_site
#define DW_TAG_call_site 0x48
#endif
#ifndef DW_AT_call_origin
#define DW_AT_call_origin 0x7f
#endif
#define MAX_ORIGIN_DEPTH 8

struct pending_call {
	Dwarf_Off target;
	const char *caller;
};

struct dw {
	struct facts_db *db;
	const struct elf_syms *es;
	const char *path;
	unsigned obj;
	Dwarf_Debug dbg;
	struct dwarf_map *map;		/* the image's mapping, or NULL: libdwarf read it */
	struct u64map names;		/* DIE offset -> index into name_v */
	const char **name_v;
	size_t n_names, cap_names;
	struct u64map concrete;		/* DIE offset -> index into facts_db.syms */
	struct u64map abbrevs;		/* abbreviation's .debug_abbrev offset -> AB_* */
	/* the raw sections for src/dwarf_scan.c (info NULL: libdwarf walks) */
	const unsigned char *info, *abbrev;
	uint64_t info_len, abbrev_len;
	bool msb;
	struct dwarf_scan_unit unit;	/* the unit each_unit() is at */
	Dwarf_Off unit_abbrev;		/* its abbreviations' offset */
	struct dwarf_scan_table *tables;
	size_t n_tables, cap_tables;
	struct u64map table_of;		/* abbreviations' offset -> index into tables */
	struct pending_call *calls;
	size_t n_calls, cap_calls;
	struct strbuf out;		/* records for the parent */
	struct u64map seen;		/* hash of a record -> its offset in out */
	unsigned n_units;
	bool only_source;		/* walk only the units compiled from db->source_path */
	unsigned n_source_units;
	bool failed;
};

/*
 * Records go straight into w->out; a duplicate (same bytes as an earlier
 * record, found by their hash) is cut off again. No key is allocated: the
 * walk records a few thousand facts, most of them repeated.
 */
static size_t record_begin(struct dw *w, char kind)
{
	size_t at = w->out.len;

	sb_addc(&w->out, kind);
	sb_addc(&w->out, '\0');
	return at;
}

static void record_field(struct dw *w, const char *s)
{
	sb_addn(&w->out, s, strlen(s) + 1);
}

/* Ends the record begun at at: dropped when it was recorded before. */
static void record_end(struct dw *w, size_t at)
{
	const char *rec = w->out.buf + at;
	size_t len = w->out.len - at, pos = 0;
	uint64_t h = hash_n(rec, len);
	int i;

	/* an earlier record with these len bytes ends where this one does: at
	 * its third NUL */
	while (u64map_next(&w->seen, h, &pos, &i))
		if ((size_t)i + len <= at && !memcmp(w->out.buf + i, rec, len)) {
			w->out.len = at;
			w->out.buf[at] = '\0';
			return;
		}
	u64map_add(&w->seen, h, (int)at);
}

/* Appends record KIND A B to w->out, once. */
static void record(struct dw *w, char kind, const char *a, const char *b)
{
	size_t at = record_begin(w, kind);

	record_field(w, a);
	record_field(w, b);
	record_end(w, at);
}

static void dw_fail(struct dw *w, const char *what, Dwarf_Error err)
{
	if (!w->failed)
		diag_error("cannot read DWARF of '%s': %s: %s", w->path, what,
			   err ? dwarf_errmsg(err) : "no such entry");
	if (err)
		dwarf_dealloc_error(w->dbg, err);
	w->failed = true;
}

/* ---- names --------------------------------------------------------------- */

static const char *die_name(struct dw *w, Dwarf_Die die, int depth);

/* Name of the DIE at off (following abstract origins), cached; NULL if none. */
static const char *name_at(struct dw *w, Dwarf_Off off, int depth)
{
	Dwarf_Error err = NULL;
	Dwarf_Die die = NULL;
	const char *name;
	size_t pos = 0;
	int i;

	if (u64map_next(&w->names, off, &pos, &i))
		return w->name_v[i];
	if (depth > MAX_ORIGIN_DEPTH)
		return NULL;
	if (dwarf_offdie_b(w->dbg, off, 1, &die, &err) != DW_DLV_OK) {
		if (err)
			dwarf_dealloc_error(w->dbg, err);
		return NULL;
	}
	name = die_name(w, die, depth + 1);
	dwarf_dealloc_die(die);
	*ARRAY_PUSH(w->name_v, w->n_names, w->cap_names) = name;
	u64map_add(&w->names, off, (int)w->n_names - 1);
	return name;
}

/* Offset referenced by attribute at of die; false when it has none. */
static bool ref_attr(struct dw *w, Dwarf_Die die, Dwarf_Half at, Dwarf_Off *off)
{
	Dwarf_Attribute attr = NULL;
	Dwarf_Error err = NULL;
	int r = dwarf_attr(die, at, &attr, &err);

	if (r == DW_DLV_OK) {
		r = dwarf_global_formref(attr, off, &err);
		dwarf_dealloc_attribute(attr);
	}
	if (r == DW_DLV_ERROR)
		dwarf_dealloc_error(w->dbg, err);
	return r == DW_DLV_OK;
}

static const char *die_name(struct dw *w, Dwarf_Die die, int depth)
{
	Dwarf_Error err = NULL;
	char *name = NULL;
	Dwarf_Off off;
	int r = dwarf_diename(die, &name, &err);

	if (r == DW_DLV_OK && name)
		return facts_intern(w->db, name);
	if (r == DW_DLV_ERROR)
		dwarf_dealloc_error(w->dbg, err);
	if (ref_attr(w, die, DW_AT_abstract_origin, &off) ||
	    ref_attr(w, die, DW_AT_specification, &off))
		return name_at(w, off, depth);
	return NULL;
}

/* ---- naming out-of-line instances ---------------------------------------- */

static bool has_attr(struct dw *w, Dwarf_Die die, Dwarf_Half at)
{
	Dwarf_Bool yes = 0;
	Dwarf_Error err = NULL;

	if (dwarf_hasattr(die, at, &yes, &err) == DW_DLV_ERROR) {
		dwarf_dealloc_error(w->dbg, err);
		return false;
	}
	return yes;
}

/*
 * What a DIE's abbreviation says about it (which attributes it has, in what
 * form): the same for every DIE of that abbreviation, so asked once per
 * abbreviation; dwarf_hasattr() decodes the abbreviation anew each time.
 */
enum {
	AB_ADDRESS = 1,		/* DW_AT_low_pc or DW_AT_ranges: an out-of-line instance */
	AB_DECLARATION = 2,	/* DW_AT_declaration: no body, hence no static */
	AB_EXPRLOC = 4,		/* DW_AT_location may be an expression, not a list */
};

static int location_bits(struct dw *w, Dwarf_Die die)
{
	Dwarf_Attribute attr = NULL;
	Dwarf_Error err = NULL;
	Dwarf_Half form = 0;
	int bits = 0;

	if (dwarf_attr(die, DW_AT_location, &attr, &err) == DW_DLV_OK &&
	    dwarf_whatform_direct(attr, &form, &err) == DW_DLV_OK &&
	    (form == DW_FORM_exprloc || form == DW_FORM_indirect))
		bits = AB_EXPRLOC;
	if (err)
		dwarf_dealloc_error(w->dbg, err);
	if (attr)
		dwarf_dealloc_attribute(attr);
	return bits;
}

static int abbrev_scan(struct dw *w, Dwarf_Die die)
{
	return (has_attr(w, die, DW_AT_low_pc) || has_attr(w, die, DW_AT_ranges) ? AB_ADDRESS : 0) |
	       (has_attr(w, die, DW_AT_declaration) ? AB_DECLARATION : 0) |
	       location_bits(w, die);
}

static int abbrev_bits(struct dw *w, Dwarf_Die die)
{
	Dwarf_Error err = NULL;
	Dwarf_Off off = 0;
	Dwarf_Unsigned n_attrs = 0;
	size_t pos = 0;
	int bits;

	if (dwarf_die_abbrev_global_offset(die, &off, &n_attrs, &err) != DW_DLV_OK) {
		if (err)
			dwarf_dealloc_error(w->dbg, err);
		return abbrev_scan(w, die);
	}
	if (u64map_next(&w->abbrevs, off, &pos, &bits))
		return bits;
	bits = abbrev_scan(w, die);
	u64map_add(&w->abbrevs, off, bits);
	return bits;
}

static bool has_children(Dwarf_Die die)
{
	Dwarf_Half yes = 1;

	dwarf_die_abbrev_children_flag(die, &yes);
	return yes;
}

/*
 * Address key (see facts_addr_key) of an address at .debug_info offset off:
 * in a relocatable object, from its relocation (section and offset).
 */
static bool address_key(struct dw *w, Dwarf_Off off, Dwarf_Addr addr, uint64_t *key)
{
	const struct elf_reloc *rel;
	int i;

	*key = facts_addr_key(0, addr);
	if (!w->es->relocatable)
		return true;
	if ((i = facts_elf_reloc_at(w->es, off)) < 0)
		return false;
	rel = &w->es->relocs[i];
	if (rel->sym >= w->es->n_symtab)
		return false;
	*key = facts_addr_key(w->es->sym_shndx[rel->sym],
			      w->es->sym_value[rel->sym] + (uint64_t)rel->addend);
	return true;
}

/* Address key of DW_AT_low_pc; false when unknown. */
static bool low_pc_key(struct dw *w, Dwarf_Die die, uint64_t *key)
{
	Dwarf_Attribute attr = NULL;
	Dwarf_Error err = NULL;
	Dwarf_Addr addr = 0;
	Dwarf_Off off = 0;
	int r = dwarf_attr(die, DW_AT_low_pc, &attr, &err);
	bool ok = r == DW_DLV_OK && dwarf_formaddr(attr, &addr, &err) == DW_DLV_OK &&
		  dwarf_attr_offset(die, attr, &off, &err) == DW_DLV_OK &&
		  address_key(w, off, addr, key);

	if (err)
		dwarf_dealloc_error(w->dbg, err);
	if (attr)
		dwarf_dealloc_attribute(attr);
	return ok;
}

/*
 * Is the location block a static's: DW_OP_addr ADDR alone, or a thread-local
 * one's, DW_OP_const8u OFFSET then DW_OP_form_tls_address (GNU:
 * DW_OP_GNU_push_tls_address)? The address follows the opcode, relocated
 * against the object's symbol in a relocatable object.
 */
static bool static_location(const unsigned char *b, Dwarf_Unsigned len)
{
	if (len == 9 && b[0] == DW_OP_addr)
		return true;
	return len == 10 && b[0] == DW_OP_const8u &&
	       (b[9] == DW_OP_form_tls_address || b[9] == DW_OP_GNU_push_tls_address);
}

/*
 * Address key of a variable whose DW_AT_location is a static's (see
 * static_location()): the address follows the block's length byte and the
 * opcode.
 */
static bool static_var_key(struct dw *w, Dwarf_Die die, uint64_t *key)
{
	Dwarf_Attribute attr = NULL;
	Dwarf_Error err = NULL;
	Dwarf_Unsigned len = 0;
	Dwarf_Ptr block = NULL;
	Dwarf_Off off = 0;
	Dwarf_Addr addr = 0;
	const unsigned char *b;
	bool ok = false;

	if (dwarf_attr(die, DW_AT_location, &attr, &err) == DW_DLV_OK &&
	    dwarf_formexprloc(attr, &len, &block, &err) == DW_DLV_OK &&
	    dwarf_attr_offset(die, attr, &off, &err) == DW_DLV_OK) {
		b = block;
		ok = static_location(b, len);
		for (int i = 8; ok && i >= 1; i--)
			addr = (addr << 8) | b[i];
		ok = ok && address_key(w, off + 2, addr, key);
	}
	if (err)
		dwarf_dealloc_error(w->dbg, err);
	if (attr)
		dwarf_dealloc_attribute(attr);
	return ok;
}

/* A function's static variable: record FUNCTION VARIABLE -> its symbol. */
static void note_static(struct dw *w, Dwarf_Die die, const char *fun)
{
	const char *var;
	uint64_t key;
	size_t pos = 0;
	size_t at;
	int i;

	/* a local's location is most often a list: no name looked up for it */
	if (!fun || !(abbrev_bits(w, die) & AB_EXPRLOC) || !static_var_key(w, die, &key) ||
	    !u64map_next(&w->es->obj_by_addr, key, &pos, &i) || !(var = die_name(w, die, 0)))
		return;
	at = record_begin(w, 'S');
	sb_addn(&w->out, fun, facts_base_len(fun));
	sb_addc(&w->out, ' ');
	record_field(w, var);
	record_field(w, w->db->syms[i].name);
	record_end(w, at);
}

/* Base name of a symbol equals name. */
static bool base_is(const char *sym, const char *name)
{
	size_t n = facts_base_len(sym);

	return name && strlen(name) == n && !strncmp(sym, name, n);
}

/* The function symbol at key; the one with base name dname preferred. */
static int sym_at(struct dw *w, uint64_t key, const char *dname)
{
	size_t pos = 0;
	int i, found = -1;

	while (u64map_next(&w->es->by_addr, key, &pos, &i)) {
		if (base_is(w->db->syms[i].name, dname) && !strstr(w->db->syms[i].name, ".cold"))
			return i;
		if (found < 0)
			found = i;
	}
	return found;
}

/* Without an address: the symbol dname, else its only non-cold clone. */
static int sym_by_name(struct dw *w, const char *dname)
{
	const struct fentry *e = dname ? facts_entry(w->db, dname) : NULL;
	int only = -1, n = 0;

	for (size_t k = 0; e && k < e->n_syms; k++) {
		const struct fsym *s = &w->db->syms[e->syms[k]];

		if (s->obj != w->obj || !s->defined || s->type != STT_FUNC)
			continue;
		if (!strcmp(s->name, dname))
			return e->syms[k];
		if (!strstr(s->name, ".cold")) {
			only = e->syms[k];
			n++;
		}
	}
	return n == 1 ? only : -1;
}

/* Symbol name of an out-of-line instance (its DWARF name when unknown). */
static const char *concrete_name(struct dw *w, Dwarf_Die die)
{
	const char *dname = die_name(w, die, 0);
	Dwarf_Off off = 0;
	Dwarf_Error err = NULL;
	uint64_t key;
	int sym = -1;

	if (low_pc_key(w, die, &key))
		sym = sym_at(w, key, dname);
	if (sym < 0)
		sym = sym_by_name(w, dname);
	if (sym < 0)
		return dname;
	if (dwarf_dieoffset(die, &off, &err) == DW_DLV_OK)
		u64map_add(&w->concrete, off, sym);
	else
		dwarf_dealloc_error(w->dbg, err);
	record(w, 'D', w->db->syms[sym].name, "");
	return w->db->syms[sym].name;
}

/* ---- walking ------------------------------------------------------------- */

static void walk_children(struct dw *w, Dwarf_Die die, const char *fun);
static bool raw_walk(struct dw *w, const struct dwarf_scan_die *d, const char *fun,
		     uint64_t *next);
static void walk_statics(struct dw *w, Dwarf_Die die);

/* The DIE at off inlined into fun. */
static void inlined_at(struct dw *w, Dwarf_Off off, const char *fun)
{
	const char *callee = name_at(w, off, 0);

	/* f inlined into f (or its clone): ipa-split putting f back together */
	if (callee && !base_is(fun, callee))
		record(w, 'I', callee, fun);
}

static void note_inlined(struct dw *w, Dwarf_Die die, const char *fun)
{
	Dwarf_Off off;

	if (fun && ref_attr(w, die, DW_AT_abstract_origin, &off))
		inlined_at(w, off, fun);
}

/* fun calls the DIE at off. */
static void call_to(struct dw *w, Dwarf_Off off, const char *fun)
{
	struct pending_call *c = ARRAY_PUSH(w->calls, w->n_calls, w->cap_calls);

	c->target = off;
	c->caller = fun;
}

static Dwarf_Half call_origin_attr(Dwarf_Half tag)
{
	return tag == DW_TAG_call_site ? DW_AT_call_origin : DW_AT_abstract_origin;
}

static void note_call(struct dw *w, Dwarf_Die die, Dwarf_Half tag, const char *fun)
{
	Dwarf_Off off;

	if (fun && ref_attr(w, die, call_origin_attr(tag), &off))
		call_to(w, off, fun);
}

/*
 * The parameters a .constprop clone kept: GCC describes the clone's own
 * parameters first, each with its location; those IPA-CP replaced by a
 * constant come later among the body's DIEs (their location a
 * DW_OP_GNU_parameter_ref), after a variable, label or block, and one it
 * dropped as unused has no location (can_vma_merge_after's
 * vm_userfaultfd_ctx, an empty struct).
 */
static void note_kept_params(struct dw *w, Dwarf_Die die, const char *sym)
{
	Dwarf_Error err = NULL;
	Dwarf_Die child = NULL, next;
	Dwarf_Half tag = 0;
	Dwarf_Off off;
	struct strbuf kept = { 0 };
	const char *name;
	int r = dwarf_child(die, &child, &err);

	while (r == DW_DLV_OK && dwarf_tag(child, &tag, &err) == DW_DLV_OK &&
	       tag == DW_TAG_formal_parameter) {
		name = ref_attr(w, child, DW_AT_abstract_origin, &off) ? name_at(w, off, 0) :
		       die_name(w, child, 0);
		if (has_attr(w, child, DW_AT_location))
			sb_addf(&kept, "%s%s", kept.len ? "," : "", name ? name : "?");
		next = NULL;
		r = dwarf_siblingof_b(w->dbg, child, 1, &next, &err);
		dwarf_dealloc_die(child);
		child = next;
	}
	if (child)
		dwarf_dealloc_die(child);
	if (r == DW_DLV_ERROR && err)
		dwarf_dealloc_error(w->dbg, err);
	record(w, 'K', sym, kept.len ? kept.buf : "");
	sb_release(&kept);
}

/* fun: symbol name of the out-of-line function die is in, or NULL. */
static void walk_die(struct dw *w, Dwarf_Die die, const char *fun)
{
	Dwarf_Error err = NULL;
	Dwarf_Half tag = 0;

	if (dwarf_tag(die, &tag, &err) != DW_DLV_OK) {
		dw_fail(w, "DIE tag", err);
		return;
	}
	switch (tag) {
	case DW_TAG_subprogram: {
		int bits = abbrev_bits(w, die);

		if (bits & AB_ADDRESS) {
			const char *sym = concrete_name(w, die);

			if (strstr(sym, ".constprop."))
				note_kept_params(w, die, sym);
			walk_children(w, die, sym);
		} else if (!(bits & AB_DECLARATION)) {
			walk_statics(w, die);	/* abstract instance */
		}
		break;
	}
	case DW_TAG_variable:
		note_static(w, die, fun);
		break;
	case DW_TAG_inlined_subroutine:
		note_inlined(w, die, fun);
		walk_children(w, die, fun);
		break;
	case DW_TAG_call_site:
	case DW_TAG_GNU_call_site:
		note_call(w, die, tag, fun);
		break;
	case DW_TAG_lexical_block:
	case DW_TAG_compile_unit:
	case DW_TAG_partial_unit:
	case DW_TAG_namespace:
		walk_children(w, die, fun);
		break;
	default:
		break;
	}
}

typedef void die_fn(struct dw *w, Dwarf_Die die, const char *fun);

static void each_child(struct dw *w, Dwarf_Die die, const char *fun, die_fn *fn)
{
	Dwarf_Error err = NULL;
	Dwarf_Die child = NULL, next;
	/* dwarf_child() would decode the DIE's attributes to find none */
	int r = has_children(die) ? dwarf_child(die, &child, &err) : DW_DLV_NO_ENTRY;

	while (r == DW_DLV_OK && !w->failed) {
		fn(w, child, fun);
		next = NULL;
		r = dwarf_siblingof_b(w->dbg, child, 1, &next, &err);
		dwarf_dealloc_die(child);
		child = next;
	}
	if (r == DW_DLV_ERROR)
		dw_fail(w, "DIE tree", err);
}

static void walk_children(struct dw *w, Dwarf_Die die, const char *fun)
{
	each_child(w, die, fun, walk_die);
}

/* Statics of an abstract instance (a function inlined everywhere). */
static void static_die(struct dw *w, Dwarf_Die die, const char *fun)
{
	Dwarf_Error err = NULL;
	Dwarf_Half tag = 0;

	if (dwarf_tag(die, &tag, &err) != DW_DLV_OK) {
		dw_fail(w, "DIE tag", err);
		return;
	}
	if (tag == DW_TAG_variable)
		note_static(w, die, fun);
	else if (tag == DW_TAG_lexical_block)
		each_child(w, die, fun, static_die);
}

static void walk_statics(struct dw *w, Dwarf_Die die)
{
	const char *fun = has_children(die) ? die_name(w, die, 0) : NULL;

	if (fun)
		each_child(w, die, fun, static_die);
}

/* ---- walking the raw DIE tree (src/dwarf_scan.c) ----------------------- */

/*
 * The same walk as walk_die()'s over the DIEs src/dwarf_scan.c steps over,
 * with libdwarf's Dwarf_Die made only for the DIEs whose attributes are
 * read. false: the bytes are not what libdwarf reads (the caller lets
 * libdwarf walk the unit).
 */
typedef bool raw_fn(struct dw *w, const struct dwarf_scan_die *d, const char *fun,
		    uint64_t *next);

/* AB_* of a DIE of abbreviation ab, from its attribute specs. */
static int spec_bits(const struct dwarf_scan_unit *u, const struct dwarf_scan_abbrev *ab)
{
	int bits = 0;

	for (uint32_t i = 0; i < ab->n; i++) {
		const struct dwarf_scan_spec *s = &u->table->specs[ab->first + i];

		if (s->at == DW_AT_low_pc || s->at == DW_AT_ranges)
			bits |= AB_ADDRESS;
		else if (s->at == DW_AT_declaration)
			bits |= AB_DECLARATION;
		else if (s->at == DW_AT_location &&
			 (s->form == DW_FORM_exprloc || s->form == DW_FORM_indirect))
			bits |= AB_EXPRLOC;
	}
	return bits;
}

static bool die_at(struct dw *w, uint64_t off, Dwarf_Die *die)
{
	Dwarf_Error err = NULL;

	*die = NULL;
	if (dwarf_offdie_b(w->dbg, off, 1, die, &err) == DW_DLV_OK)
		return true;
	if (err)
		dwarf_dealloc_error(w->dbg, err);
	return false;
}

static bool raw_children(struct dw *w, const struct dwarf_scan_die *d, const char *fun,
			 raw_fn *fn, uint64_t *next)
{
	uint64_t pos = d->body;
	struct dwarf_scan_die c;

	if (!d->ab->children) {
		*next = d->body;
		return true;
	}
	for (;;) {
		if (!dwarf_scan_die(&w->unit, pos, &c))
			return false;
		if (!c.ab) {
			*next = c.body;
			/* libdwarf would follow DW_AT_sibling: it must agree */
			return !d->sibling || d->sibling == c.body;
		}
		if (!fn(w, &c, fun, &pos))
			return false;
	}
}

static bool raw_static_var(struct dw *w, const struct dwarf_scan_die *d, const char *fun)
{
	Dwarf_Die die;

	if (!fun || !(spec_bits(&w->unit, d->ab) & AB_EXPRLOC))
		return true;
	if (!die_at(w, d->off, &die))
		return false;
	note_static(w, die, fun);
	dwarf_dealloc_die(die);
	return true;
}

static bool raw_static(struct dw *w, const struct dwarf_scan_die *d, const char *fun,
		       uint64_t *next)
{
	if (d->ab->tag == DW_TAG_lexical_block)
		return raw_children(w, d, fun, raw_static, next);
	if (d->ab->tag == DW_TAG_variable && !raw_static_var(w, d, fun))
		return false;
	return dwarf_scan_skip(&w->unit, d, next);
}

static bool raw_subprogram(struct dw *w, const struct dwarf_scan_die *d, uint64_t *next)
{
	int bits = spec_bits(&w->unit, d->ab);
	const char *fun;
	Dwarf_Die die;

	if (!(bits & AB_ADDRESS) && ((bits & AB_DECLARATION) || !d->ab->children))
		return dwarf_scan_skip(&w->unit, d, next);
	if (!die_at(w, d->off, &die))
		return false;
	if (bits & AB_ADDRESS) {
		fun = concrete_name(w, die);
		if (strstr(fun, ".constprop."))
			note_kept_params(w, die, fun);
	} else {
		fun = die_name(w, die, 0);	/* abstract instance */
	}
	dwarf_dealloc_die(die);
	if (bits & AB_ADDRESS)
		return raw_children(w, d, fun, raw_walk, next);
	return fun ? raw_children(w, d, fun, raw_static, next) : dwarf_scan_skip(&w->unit, d, next);
}

/*
 * d's reference attribute at (as ref_attr()), read by the scan, else by
 * libdwarf: 1 (*off), 0 none, -1 libdwarf has no such DIE.
 */
static int raw_ref(struct dw *w, const struct dwarf_scan_die *d, Dwarf_Half at, Dwarf_Off *off)
{
	uint64_t v = 0;
	Dwarf_Die die;
	int r = dwarf_scan_ref(&w->unit, d, at, &v);

	if (r >= 0) {
		*off = v;
		return r;
	}
	if (!die_at(w, d->off, &die))
		return -1;
	r = ref_attr(w, die, at, off);
	dwarf_dealloc_die(die);
	return r;
}

static bool raw_inlined(struct dw *w, const struct dwarf_scan_die *d, const char *fun,
			uint64_t *next)
{
	Dwarf_Off off = 0;
	int r = fun ? raw_ref(w, d, DW_AT_abstract_origin, &off) : 0;

	if (r > 0)
		inlined_at(w, off, fun);
	return r >= 0 && raw_children(w, d, fun, raw_walk, next);
}

static bool raw_call(struct dw *w, const struct dwarf_scan_die *d, const char *fun,
		     uint64_t *next)
{
	Dwarf_Off off = 0;
	int r = fun ? raw_ref(w, d, call_origin_attr(d->ab->tag), &off) : 0;

	if (r > 0)
		call_to(w, off, fun);
	return r >= 0 && dwarf_scan_skip(&w->unit, d, next);
}

static bool raw_walk(struct dw *w, const struct dwarf_scan_die *d, const char *fun,
		     uint64_t *next)
{
	switch (d->ab->tag) {
	case DW_TAG_subprogram:
		return raw_subprogram(w, d, next);
	case DW_TAG_variable:
		return raw_static_var(w, d, fun) && dwarf_scan_skip(&w->unit, d, next);
	case DW_TAG_inlined_subroutine:
		return raw_inlined(w, d, fun, next);
	case DW_TAG_call_site:
	case DW_TAG_GNU_call_site:
		return raw_call(w, d, fun, next);
	case DW_TAG_lexical_block:
	case DW_TAG_compile_unit:
	case DW_TAG_partial_unit:
	case DW_TAG_namespace:
		return raw_children(w, d, fun, raw_walk, next);
	default:
		return dwarf_scan_skip(&w->unit, d, next);
	}
}

/*
 * The abbreviations at off, read once (a linked image's units have a table
 * each, a relocatable object's share one); NULL when the scan cannot use
 * them.
 */
static const struct dwarf_scan_table *table_at(struct dw *w, Dwarf_Off off)
{
	struct dwarf_scan_table *t;
	size_t pos = 0;
	int i;

	if (u64map_next(&w->table_of, off, &pos, &i))
		return w->tables[i].n_codes ? &w->tables[i] : NULL;
	t = ARRAY_PUSH(w->tables, w->n_tables, w->cap_tables);
	u64map_add(&w->table_of, off, (int)w->n_tables - 1);
	if (dwarf_scan_table_read(t, w->abbrev, w->abbrev_len, off))
		return t;
	dwarf_scan_table_release(t);
	t->offset = off;
	return NULL;
}

/* Walks the unit of cu with src/dwarf_scan.c; false: libdwarf must. */
static bool walk_unit_raw(struct dw *w, Dwarf_Die cu)
{
	const struct dwarf_scan_unit *u = &w->unit;
	struct dwarf_scan_die d;
	Dwarf_Error err = NULL;
	Dwarf_Half tag = 0;
	Dwarf_Off off = 0;
	uint64_t next;

	/* read here, not in each_unit(): only the walked units' */
	w->unit.table = w->info ? table_at(w, w->unit_abbrev) : NULL;
	if (!u->table || u->end > u->info_len || u->start >= u->end ||
	    (u->offset_size != 4 && u->offset_size != 8) || !u->address_size ||
	    u->address_size > 8)
		return false;
	if (dwarf_dieoffset(cu, &off, &err) != DW_DLV_OK || dwarf_tag(cu, &tag, &err) != DW_DLV_OK) {
		if (err)
			dwarf_dealloc_error(w->dbg, err);
		return false;
	}
	/* the scan must see the unit libdwarf sees */
	if (!dwarf_scan_die(u, off, &d) || !d.ab || d.ab->tag != tag ||
	    d.ab - u->table->by_code != dwarf_die_abbrev_code(cu))
		return false;
	return raw_walk(w, &d, NULL, &next);
}

/* Start of path without leading "./" components. */
static const char *skip_dot_slash(const char *path)
{
	while (path[0] == '.' && path[1] == '/')
		path += 2 + strspn(path + 2, "/");
	return path;
}

/* Is tail the last whole component(s) of path ("fork.c", "kernel/fork.c" of it)? */
static bool is_path_tail(const char *path, const char *tail)
{
	size_t a = strlen(path), b = strlen(tail);

	return b && a >= b && !strcmp(path + a - b, tail) && (a == b || path[a - b - 1] == '/');
}

/*
 * Does a unit named cu (DW_AT_name: the source as its compiler got it) come
 * from source? One path must be the other's tail at a '/' boundary: a tree
 * built elsewhere names kernel/fork.c as the extraction does, an absolute
 * path ends with it.
 */
static bool same_source(const char *cu, const char *source)
{
	cu = skip_dot_slash(cu);
	source = skip_dot_slash(source);
	return is_path_tail(cu, source) || is_path_tail(source, cu);
}

static bool unit_of_source(struct dw *w, Dwarf_Die cu)
{
	Dwarf_Error err = NULL;
	char *name = NULL;
	int r = dwarf_diename(cu, &name, &err);

	if (r == DW_DLV_ERROR)
		dwarf_dealloc_error(w->dbg, err);
	return r == DW_DLV_OK && name && same_source(name, w->db->source_path);
}

static void count_source_unit(struct dw *w, Dwarf_Die cu)
{
	if (unit_of_source(w, cu))
		w->n_source_units++;
}

static void walk_unit(struct dw *w, Dwarf_Die cu)
{
	if (w->only_source && !unit_of_source(w, cu))
		return;
	w->n_units++;
	/* libdwarf walks what the scan cannot: its records come again (and
	 * are dropped as repeated), then the rest */
	if (!walk_unit_raw(w, cu))
		walk_die(w, cu, NULL);
}

static void each_unit(struct dw *w, void (*fn)(struct dw *w, Dwarf_Die cu))
{
	Dwarf_Error err = NULL;

	uint64_t start = 0;

	while (!w->failed) {
		Dwarf_Unsigned next = 0;
		Dwarf_Half unit_type = 0, version = 0, address_size = 0, offset_size = 0;
		Dwarf_Off abbrev_off = 0;
		Dwarf_Die cu = NULL;
		int r = dwarf_next_cu_header_d(w->dbg, 1, NULL, &version, &abbrev_off, &address_size,
					       &offset_size, NULL, NULL, NULL, &next, &unit_type,
					       &err);

		if (r == DW_DLV_NO_ENTRY)
			return;
		w->unit = (struct dwarf_scan_unit){
			.info = w->info, .info_len = w->info_len, .start = start, .end = next,
			.offset_size = offset_size, .address_size = address_size,
			.version = version, .msb = w->msb,
		};
		w->unit_abbrev = abbrev_off;
		start = next;
		if (r == DW_DLV_ERROR) {
			dw_fail(w, "compilation unit header", err);
			return;
		}
		r = dwarf_siblingof_b(w->dbg, NULL, 1, &cu, &err);
		if (r == DW_DLV_ERROR) {
			dw_fail(w, "compilation unit", err);
			return;
		}
		if (r == DW_DLV_OK) {
			fn(w, cu);
			dwarf_dealloc_die(cu);
		}
		if (w->map)
			dwarf_map_forget_info(w->map, next);
	}
}

/*
 * A linked image holds every unit of the kernel: only the extracted
 * source's units tell how GCC compiled its functions (a same-named static
 * of another file is another function), and walking them alone saves
 * reading the rest. No unit of that name (a tree moved, no DW_AT_name):
 * all of them, as for a single object.
 */
static void walk_units(struct dw *w)
{
	if (w->db->source_path) {
		each_unit(w, count_source_unit);	/* ends at the first unit again */
		w->only_source = w->n_source_units > 0;
	}
	each_unit(w, walk_unit);
}

/* Calls whose target is the out-of-line instance of a clone. */
static void resolve_calls(struct dw *w)
{
	for (size_t k = 0; k < w->n_calls; k++) {
		size_t pos = 0;
		int i;
		const char *callee;
		size_t base;
		char *name;

		if (!u64map_next(&w->concrete, w->calls[k].target, &pos, &i))
			continue;
		callee = w->db->syms[i].name;
		base = facts_base_len(callee);
		if (!callee[base] || !base)
			continue;
		name = xstrndup(callee, base);
		/* NAME calling its own .part.0 is not a caller to patch */
		if (!base_is(w->calls[k].caller, name))
			record(w, 'V', name, w->calls[k].caller);
		free(name);
	}
}


static void release(struct dw *w)
{
	u64map_release(&w->names);
	u64map_release(&w->concrete);
	u64map_release(&w->abbrevs);
	for (size_t i = 0; i < w->n_tables; i++)
		dwarf_scan_table_release(&w->tables[i]);
	free(w->tables);
	u64map_release(&w->table_of);
	free(w->name_v);
	free(w->calls);
	sb_release(&w->out);
	u64map_release(&w->seen);
}

/* The only section name of the file mapped at base, uncompressed; NULL: none. */
static const unsigned char *raw_section(struct dw *w, const unsigned char *base, size_t len,
					const char *name, uint64_t *size)
{
	Elf *elf = w->es->elf;
	const unsigned char *found = NULL;
	Elf_Scn *scn = NULL;
	size_t shstrndx;
	Dwarf_Addr addr = 0;
	Dwarf_Unsigned dsize = 0;
	Dwarf_Error err = NULL;

	if (!elf || elf_getshdrstrndx(elf, &shstrndx))
		return NULL;
	while ((scn = elf_nextscn(elf, scn))) {
		GElf_Shdr sh;
		const char *n;

		if (!gelf_getshdr(scn, &sh))
			return NULL;
		n = elf_strptr(elf, shstrndx, sh.sh_name);
		if (!n || strcmp(n, name))
			continue;
		if (found || sh.sh_type == SHT_NOBITS || (sh.sh_flags & SHF_COMPRESSED) ||
		    sh.sh_offset > len || sh.sh_size > len - sh.sh_offset)
			return NULL;
		found = base + sh.sh_offset;
		*size = sh.sh_size;
	}
	/* the section libdwarf reads */
	if (dwarf_get_section_info_by_name(w->dbg, name, &addr, &dsize, &err) != DW_DLV_OK) {
		if (err)
			dwarf_dealloc_error(w->dbg, err);
		return NULL;
	}
	return found && dsize == *size ? found : NULL;
}

/*
 * The raw .debug_info and .debug_abbrev for src/dwarf_scan.c: a linked
 * image's mapping, else this process's own of the (relocatable) object, whose
 * pages the parent has just read. Returns the mapping made, or NULL.
 */
static void *raw_sections(struct dw *w, int fd, size_t *len)
{
	const unsigned char *base = w->map ? w->map->base : NULL;
	void *own = NULL;
	struct stat st;
	GElf_Ehdr eh;

	*len = w->map ? w->map->len : 0;
	if (!w->es->elf || !gelf_getehdr(w->es->elf, &eh))
		return NULL;
	if (!base) {
		if (fstat(fd, &st) || st.st_size <= 0)
			return NULL;
		own = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
		if (own == MAP_FAILED)
			return NULL;
		base = own;
		*len = (size_t)st.st_size;
	}
	w->msb = eh.e_ident[EI_DATA] == ELFDATA2MSB;
	w->info = raw_section(w, base, *len, ".debug_info", &w->info_len);
	w->abbrev = w->info ? raw_section(w, base, *len, ".debug_abbrev", &w->abbrev_len) : NULL;
	if (!w->abbrev)
		w->info = NULL;
	return own;
}

/* In the child: 0 when the DWARF was read (or there is none), else 1. */
static int read_dwarf(struct dw *w, int fd)
{
	Dwarf_Error err = NULL;
	struct dwarf_map map;
	bool mapped = !dwarf_map_open(&map, w->es->elf, fd);
	int r;

	/* libdwarf would track every DIE and attribute in a search tree, to
	 * free them at dwarf_finish(): this process frees what it gets (and
	 * exits) */
	dwarf_set_de_alloc_flag(0);
	r = mapped ? dwarf_object_init_b(&map.iface, NULL, NULL, DW_GROUPNUMBER_ANY, &w->dbg, &err)
		       : dwarf_init_b(fd, DW_DLC_READ, DW_GROUPNUMBER_ANY, NULL, NULL, &w->dbg, &err);

	w->map = mapped ? &map : NULL;
	if (r == DW_DLV_OK) {
		size_t own_len = 0;
		void *own = raw_sections(w, fd, &own_len);

		walk_units(w);
		if (!w->failed)
			resolve_calls(w);
		if (own)
			munmap(own, own_len);
		if (mapped)
			dwarf_object_finish(w->dbg, &err);
		else
			dwarf_finish(w->dbg, &err);
	}
	if (mapped)
		dwarf_map_close(&map);
	if (r == DW_DLV_ERROR) {
		diag_error("cannot read DWARF of '%s': %s", w->path,
			   err ? dwarf_errmsg(err) : "unknown error");
		if (err)
			dwarf_dealloc_error(NULL, err);
		return 1;
	}
	if (r == DW_DLV_NO_ENTRY || (!w->failed && !w->n_units))
		diag_warning("'%s' has no DWARF debug information: no inlining facts",
			     w->path);
	return r == DW_DLV_OK && w->failed;
}

/*
 * The forked reader, from the fork on: all its work happens in here, so that
 * bench/instr.sh counts it apart (callgrind --dump-before=facts_dwarf_child:
 * what the child inherits from its parent is dumped before); never inlined,
 * to keep that name.
 */
__attribute__((noinline, noreturn))
static void facts_dwarf_child(struct facts_db *db, int fd, const char *path,
			      const struct elf_syms *es, const int pipe_fds[2], FILE *errf)
{
	/* this process's copy, with the relocations of .debug_info (read here,
	 * while the parent parses, not before the parse) */
	struct elf_syms own = *es;
	struct dw w = { .db = db, .es = &own, .path = path, .obj = (unsigned)db->n_objs - 1 };
	int out_fd = pipe_fds[1];
	struct stat st;
	int status;

	close(pipe_fds[0]);
	if (errf)
		dup2(fileno(errf), 2);
	/* corrupt DWARF can make libdwarf loop: 10 s plus 1 s per MiB */
	alarm(10 + (fstat(fd, &st) ? 600 : (unsigned)(st.st_size >> 20)));
	status = facts_elf_read_rela(&own, path) ? 1 : read_dwarf(&w, fd);

	/* the parent may be parsing still: waiting for it to read is no hang */
	alarm(0);
	if (!status && w.out.len && write_fd_all(out_fd, w.out.buf, w.out.len))
		status = 1;
	release(&w);
	fflush(stderr);
	_exit(status);
}

/* Applies the child's records; false when they are malformed. */
static bool apply(struct facts_db *db, const struct strbuf *in)
{
	const char *p = in->buf, *end = in->buf + in->len;

	while (p < end) {
		const char *kind = p, *a, *b;

		a = memchr(kind, '\0', (size_t)(end - kind));
		b = a ? memchr(a + 1, '\0', (size_t)(end - a - 1)) : NULL;
		p = b ? memchr(b + 1, '\0', (size_t)(end - b - 1)) : NULL;
		if (!p || a != kind + 1)
			return false;
		a++;
		b++;
		if (*kind == 'I')
			strlist_push(&facts_entry(db, a)->inlined_into, b);
		else if (*kind == 'V')
			strlist_push(&facts_entry(db, a)->via_clones, b);
		else if (*kind == 'S')
			strlist_push_owned(&db->statics, xasprintf("%s %s", a, b));
		else if (*kind == 'K')
			strlist_push_owned(&facts_entry(db, facts_intern_n(db, a, facts_base_len(a)))
					    ->kept_params, xasprintf("%s %s", a, b));
		else if (*kind == 'D')
			strmap_put(&db->described, facts_intern(db, a), 0);
		else
			return false;
		p++;
	}
	return true;
}

static void read_pipe(int fd, struct strbuf *sb)
{
	char buf[65536];
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		sb_addn(sb, buf, (size_t)n);
	}
}

/* The child's messages (not glibc's dying words): copied when it exited. */
static void pass_messages(FILE *errf)
{
	char buf[4096];
	size_t n;

	rewind(errf);
	while ((n = fread(buf, 1, sizeof(buf), errf)) > 0)
		fwrite(buf, 1, n, stderr);
}

static int wait_child(pid_t pid, const char *path, FILE *errf)
{
	int status;

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			diag_error("cannot read DWARF of '%s': waitpid: %s", path, strerror(errno));
			return -1;
		}
	if (errf && !WIFSIGNALED(status))
		pass_messages(errf);
	if (WIFSIGNALED(status)) {
		diag_error("cannot read DWARF of '%s': libdwarf crashed (%s): corrupt debug "
			   "information?", path, strsignal(WTERMSIG(status)));
		return -1;
	}
	return WIFEXITED(status) && !WEXITSTATUS(status) ? 0 : -1;
}

/* A DWARF reader started by facts_dwarf_start(), not yet waited for. */
struct dwarf_reader {
	pid_t pid;
	int fd;			/* reading end of its pipe */
	FILE *errf;		/* its stderr, or NULL: ours */
	char *path;
};

int facts_dwarf_start(struct facts_db *db, int fd, const char *path, const struct elf_syms *es)
{
	struct dwarf_reader *r;
	FILE *errf = tmpfile();	/* NULL: the child writes to our stderr */
	int p[2];
	pid_t pid;

	if (pipe(p) < 0) {
		if (errf)
			fclose(errf);
		diag_error("cannot read DWARF of '%s': pipe: %s", path, strerror(errno));
		return -1;
	}
	fflush(NULL);
	pid = fork();
	if (pid == 0)
		facts_dwarf_child(db, fd, path, es, p, errf);
	close(p[1]);
	if (pid < 0) {
		close(p[0]);
		if (errf)
			fclose(errf);
		diag_error("cannot read DWARF of '%s': fork: %s", path, strerror(errno));
		return -1;
	}
	r = ARRAY_PUSH(db->readers, db->n_readers, db->cap_readers);
	*r = (struct dwarf_reader){ pid, p[0], errf, xstrdup(path) };
	return 0;
}

static void reader_release(struct dwarf_reader *r)
{
	close(r->fd);
	if (r->errf)
		fclose(r->errf);
	free(r->path);
}

/* Collects one reader's records: 0, or -1 (error printed). */
static int reader_finish(struct facts_db *db, struct dwarf_reader *r)
{
	struct strbuf in = {0};
	int ret;

	read_pipe(r->fd, &in);
	ret = wait_child(r->pid, r->path, r->errf);
	if (!ret && !apply(db, &in)) {
		diag_error("cannot read DWARF of '%s': malformed result", r->path);
		ret = -1;
	}
	sb_release(&in);
	reader_release(r);
	return ret;
}

int facts_dwarf_finish(struct facts_db *db)
{
	int ret = 0;

	for (size_t i = 0; i < db->n_readers; i++)
		if (reader_finish(db, &db->readers[i]) < 0 && !ret)
			ret = -1;
	free(db->readers);
	db->readers = NULL;
	db->n_readers = db->cap_readers = 0;
	return ret;
}

void facts_dwarf_abandon(struct facts_db *db)
{
	for (size_t i = 0; i < db->n_readers; i++) {
		struct dwarf_reader *r = &db->readers[i];

		kill(r->pid, SIGKILL);
		while (waitpid(r->pid, NULL, 0) < 0 && errno == EINTR)
			;
		reader_release(r);
	}
	free(db->readers);
	db->readers = NULL;
	db->n_readers = db->cap_readers = 0;
}
