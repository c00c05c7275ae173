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
 */
#include <elf.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <sys/stat.h>
#include <unistd.h>

#include <dwarf.h>
#include <libdwarf.h>

#include "klp-ccp/diag.h"
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
	struct pending_call *calls;
	size_t n_calls, cap_calls;
	struct strbuf out;		/* records for the parent */
	struct strmap seen;		/* records already in out */
	struct strlist seen_keys;
	unsigned n_units;
	bool only_source;		/* walk only the units compiled from db->source_path */
	unsigned n_source_units;
	bool failed;
};

/* Appends record KIND A B to w->out, once. */
static void record(struct dw *w, char kind, const char *a, const char *b)
{
	char *key = xasprintf("%c %s %s", kind, a, b);

	if (strmap_get(&w->seen, key) >= 0) {
		free(key);
		return;
	}
	strlist_push_owned(&w->seen_keys, key);
	strmap_put(&w->seen, key, 0);
	sb_addc(&w->out, kind);
	sb_addc(&w->out, '\0');
	sb_addn(&w->out, a, strlen(a) + 1);
	sb_addn(&w->out, b, strlen(b) + 1);
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
 * Address key (see facts_addr_key) of an address at .debug_info offset off:
 * in a relocatable object, from its relocation (section and offset).
 */
static bool address_key(struct dw *w, Dwarf_Off off, Dwarf_Addr addr, uint64_t *key)
{
	const struct elf_reloc *rel;
	size_t pos = 0;
	int i;

	*key = facts_addr_key(0, addr);
	if (!w->es->relocatable)
		return true;
	if (!u64map_next(&w->es->rela, off, &pos, &i))
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
	const char *var = fun ? die_name(w, die, 0) : NULL;
	uint64_t key;
	size_t pos = 0;
	int i;
	char *a;

	if (!var || !static_var_key(w, die, &key) || !u64map_next(&w->es->obj_by_addr, key, &pos, &i))
		return;
	a = xasprintf("%.*s %s", (int)facts_base_len(fun), fun, var);
	record(w, 'S', a, w->db->syms[i].name);
	free(a);
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
static void walk_statics(struct dw *w, Dwarf_Die die, const char *fun);

static void note_inlined(struct dw *w, Dwarf_Die die, const char *fun)
{
	Dwarf_Off off;
	const char *callee;

	if (!fun || !ref_attr(w, die, DW_AT_abstract_origin, &off))
		return;
	callee = name_at(w, off, 0);
	/* f inlined into f (or its clone): ipa-split putting f back together */
	if (callee && !base_is(fun, callee))
		record(w, 'I', callee, fun);
}

static void note_call(struct dw *w, Dwarf_Die die, Dwarf_Half tag, const char *fun)
{
	struct pending_call *c;
	Dwarf_Off off;

	if (!fun)
		return;
	if (!ref_attr(w, die, tag == DW_TAG_call_site ? DW_AT_call_origin
			      : DW_AT_abstract_origin, &off))
		return;
	c = ARRAY_PUSH(w->calls, w->n_calls, w->cap_calls);
	c->target = off;
	c->caller = fun;
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
	case DW_TAG_subprogram:
		if (has_attr(w, die, DW_AT_low_pc) || has_attr(w, die, DW_AT_ranges)) {
			const char *sym = concrete_name(w, die);

			if (strstr(sym, ".constprop."))
				note_kept_params(w, die, sym);
			walk_children(w, die, sym);
		}
		else
			walk_statics(w, die, die_name(w, die, 0));	/* abstract instance */
		break;
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
	int r = dwarf_child(die, &child, &err);

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

static void walk_statics(struct dw *w, Dwarf_Die die, const char *fun)
{
	if (fun)
		each_child(w, die, fun, static_die);
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
	walk_die(w, cu, NULL);
}

static void each_unit(struct dw *w, void (*fn)(struct dw *w, Dwarf_Die cu))
{
	Dwarf_Error err = NULL;

	while (!w->failed) {
		Dwarf_Unsigned next = 0;
		Dwarf_Half unit_type = 0;
		Dwarf_Die cu = NULL;
		int r = dwarf_next_cu_header_d(w->dbg, 1, NULL, NULL, NULL, NULL, NULL, NULL,
					       NULL, NULL, &next, &unit_type, &err);

		if (r == DW_DLV_NO_ENTRY)
			return;
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
	free(w->name_v);
	free(w->calls);
	sb_release(&w->out);
	strmap_release(&w->seen);
	strlist_release(&w->seen_keys);
}

/* In the child: 0 when the DWARF was read (or there is none), else 1. */
static int read_dwarf(struct dw *w, int fd)
{
	Dwarf_Error err = NULL;
	struct dwarf_map map;
	bool mapped = !dwarf_map_open(&map, w->es->elf, fd);
	int r = mapped ? dwarf_object_init_b(&map.iface, NULL, NULL, DW_GROUPNUMBER_ANY, &w->dbg, &err)
		       : dwarf_init_b(fd, DW_DLC_READ, DW_GROUPNUMBER_ANY, NULL, NULL, &w->dbg, &err);

	w->map = mapped ? &map : NULL;
	if (r == DW_DLV_OK) {
		walk_units(w);
		if (!w->failed)
			resolve_calls(w);
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

static void child(struct facts_db *db, int fd, const char *path, const struct elf_syms *es,
		  int out_fd)
{
	/* this process's copy, with the relocations of .debug_info (read here,
	 * while the parent parses, not before the parse) */
	struct elf_syms own = *es;
	struct dw w = { .db = db, .es = &own, .path = path, .obj = (unsigned)db->n_objs - 1 };
	int status = facts_elf_read_rela(&own, path) ? 1 : read_dwarf(&w, fd);

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
	if (pid == 0) {
		struct stat st;

		close(p[0]);
		if (errf)
			dup2(fileno(errf), 2);
		/* corrupt DWARF can make libdwarf loop: 10 s plus 1 s per MiB */
		alarm(10 + (fstat(fd, &st) ? 600 : (unsigned)(st.st_size >> 20)));
		child(db, fd, path, es, p[1]);
	}
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
