#ifndef KLP_CCP_DWARF_SCAN_H
#define KLP_CCP_DWARF_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * src/dwarf_scan.c: the DIE tree of one unit straight from the bytes of
 * .debug_info and .debug_abbrev: each DIE's offset, tag, whether it has
 * children and where its attributes, children and next sibling are. The
 * values of attributes are not decoded (libdwarf reads those).
 */

struct dwarf_scan_spec {
	uint16_t at, form;
	int8_t size;		/* of its value when fixed (0..16), else < 0 (dwarf_scan.c) */
};

struct dwarf_scan_abbrev {
	uint16_t tag;
	bool children;
	bool known;		/* the code is defined */
	uint32_t first, n;	/* its specs: dwarf_scan_table.specs[first, first + n) */
};

/* One abbreviation table (of a .debug_abbrev offset). */
struct dwarf_scan_table {
	uint64_t offset;
	struct dwarf_scan_abbrev *by_code;	/* index: the abbreviation code */
	size_t n_codes;
	struct dwarf_scan_spec *specs;
	size_t n_specs, cap_specs;
};

struct dwarf_scan_unit {
	const unsigned char *info;	/* .debug_info */
	uint64_t info_len;
	uint64_t start, end;		/* the unit's header, the next unit's */
	unsigned offset_size, address_size, version;
	bool msb;
	const struct dwarf_scan_table *table;
};

struct dwarf_scan_die {
	uint64_t off;			/* in .debug_info */
	const struct dwarf_scan_abbrev *ab;	/* NULL: the end of a sibling list */
	uint64_t body;			/* just after its attributes */
	uint64_t sibling;		/* DW_AT_sibling's offset, or 0 */
};

/* false: not an abbreviation table this reader knows every form of. */
bool dwarf_scan_table_read(struct dwarf_scan_table *t, const unsigned char *abbrev,
			   uint64_t len, uint64_t offset);
void dwarf_scan_table_release(struct dwarf_scan_table *t);

/* The DIE (or end of list) at off; false when the bytes are not a DIE. */
bool dwarf_scan_die(const struct dwarf_scan_unit *u, uint64_t off, struct dwarf_scan_die *d);
/*
 * The .debug_info offset d's attribute at refers to (its first such
 * attribute, a reference into the unit): 1, or 0 when d has none; -1 when
 * the scan does not read it (another form, out of the unit).
 */
int dwarf_scan_ref(const struct dwarf_scan_unit *u, const struct dwarf_scan_die *d, unsigned at,
		   uint64_t *off);
/* The offset after d's subtree (its next sibling); false when malformed. */
bool dwarf_scan_skip(const struct dwarf_scan_unit *u, const struct dwarf_scan_die *d,
		     uint64_t *next);

#endif
