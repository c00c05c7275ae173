/*
 * Unit test of src/dwarf_scan.c: a unit built here byte by byte (both byte
 * orders, the forms of each size class, DW_AT_sibling and lists without it)
 * is stepped over as its layout says, and bytes the scan cannot step over
 * are refused (the DWARF reader then lets libdwarf walk the unit).
 */
#include <dwarf.h>
#include <stdio.h>
#include <string.h>

#include "klp-ccp/dwarf_scan.h"

#ifndef DW_FORM_implicit_const
#define DW_FORM_implicit_const 0x21
#endif

static int failures;

#define CHECK(cond)                                                                  \
	do {                                                                         \
		if (!(cond)) {                                                       \
			fprintf(stderr, "%s:%d: %s (msb %d)\n", __FILE__, __LINE__,  \
				#cond, msb);                                         \
			failures++;                                                  \
		}                                                                    \
	} while (0)

struct bytes {
	unsigned char b[512];
	size_t n;
};

static void put(struct bytes *o, const char *s, size_t n)
{
	memcpy(o->b + o->n, s, n);
	o->n += n;
}

static void byte(struct bytes *o, unsigned v)
{
	o->b[o->n++] = (unsigned char)v;
}

static void fixed(struct bytes *o, uint64_t v, unsigned n, int msb)
{
	for (unsigned i = 0; i < n; i++)
		byte(o, (unsigned)(v >> (8 * (msb ? n - 1 - i : i))));
}

static const unsigned char abbrev[] = {
	1, DW_TAG_compile_unit, 1, DW_AT_name, DW_FORM_string, DW_AT_producer, DW_FORM_strp, 0, 0,
	2, DW_TAG_structure_type, 1, DW_AT_sibling, DW_FORM_ref4, DW_AT_byte_size, DW_FORM_data1,
	0, 0,
	3, DW_TAG_member, 0, DW_AT_name, DW_FORM_string, DW_AT_data_member_location, DW_FORM_udata,
	0, 0,
	4, DW_TAG_subprogram, 1, DW_AT_name, DW_FORM_string, DW_AT_low_pc, DW_FORM_addr,
	DW_AT_frame_base, DW_FORM_exprloc, DW_AT_external, DW_FORM_flag_present,
	DW_AT_decl_file, DW_FORM_implicit_const, 0x81, 0x01, 0, 0,
	5, DW_TAG_variable, 0, DW_AT_name, DW_FORM_indirect, DW_AT_location, DW_FORM_block1, 0, 0,
	0,
};

/* an abbreviation with a form the scan does not know */
static const unsigned char unknown_form[] = {
	1, DW_TAG_compile_unit, 0, DW_AT_name, 0x7e, 0, 0, 0,
};

struct layout {
	uint64_t cu, structure, member_b, function, variable, function_end, end;
};

/* A DWARF 4 unit (32-bit offsets, 8-byte addresses). */
static void build(struct bytes *o, struct layout *l, int msb)
{
	size_t sibling_at;

	o->n = 0;
	fixed(o, 0, 4, msb);		/* unit_length, set below */
	fixed(o, 4, 2, msb);
	fixed(o, 0, 4, msb);		/* abbrev offset */
	byte(o, 8);
	l->cu = o->n;
	byte(o, 1);
	put(o, "cu.c", 5);
	fixed(o, 0x1234, 4, msb);
	l->structure = o->n;
	byte(o, 2);
	sibling_at = o->n;
	fixed(o, 0, 4, msb);
	byte(o, 16);
	byte(o, 3);
	put(o, "a", 2);
	byte(o, 0x80);			/* 128: two bytes of ULEB128 */
	byte(o, 0x01);
	l->member_b = o->n;
	byte(o, 3);
	put(o, "b", 2);
	byte(o, 8);
	byte(o, 0);
	l->function = o->n;
	/* the structure's next sibling, relative to the unit */
	{
		struct bytes s = { .n = 0 };

		fixed(&s, l->function, 4, msb);
		memcpy(o->b + sibling_at, s.b, 4);
	}
	byte(o, 4);
	put(o, "f", 2);
	fixed(o, 0xffffffff81000000ull, 8, msb);
	byte(o, 1);
	byte(o, DW_OP_call_frame_cfa);
	l->variable = o->n;
	byte(o, 5);
	byte(o, DW_FORM_string);	/* DW_FORM_indirect's form */
	put(o, "v", 2);
	byte(o, 9);
	byte(o, DW_OP_addr);
	fixed(o, 0, 8, msb);
	byte(o, 0);			/* f's children end */
	l->function_end = o->n;
	byte(o, 0);			/* the unit's children end */
	l->end = o->n;
	{
		struct bytes s = { .n = 0 };

		fixed(&s, o->n - 4, 4, msb);
		memcpy(o->b, s.b, 4);
	}
}

static void test_order(int msb)
{
	struct dwarf_scan_table t;
	struct bytes o;
	struct layout l;
	struct dwarf_scan_unit u;
	struct dwarf_scan_die d, c;
	uint64_t next = 0;

	build(&o, &l, msb);
	CHECK(dwarf_scan_table_read(&t, abbrev, sizeof(abbrev), 0));
	u = (struct dwarf_scan_unit){ .info = o.b, .info_len = o.n, .start = 0, .end = o.n,
				      .offset_size = 4, .address_size = 8, .version = 4,
				      .msb = msb, .table = &t };
	CHECK(dwarf_scan_die(&u, l.cu, &d) && d.ab && d.ab->tag == DW_TAG_compile_unit);
	CHECK(d.body == l.structure);
	CHECK(dwarf_scan_skip(&u, &d, &next) && next == l.end);

	CHECK(dwarf_scan_die(&u, l.structure, &c) && c.ab && c.ab->tag == DW_TAG_structure_type);
	CHECK(c.sibling == l.function);
	CHECK(dwarf_scan_skip(&u, &c, &next) && next == l.function);
	/* members: ULEB128 of two bytes; the last one's next is the list's end */
	CHECK(dwarf_scan_die(&u, c.body, &d) && d.ab && d.ab->tag == DW_TAG_member);
	CHECK(dwarf_scan_skip(&u, &d, &next) && next == l.member_b);

	/* no DW_AT_sibling: its children are stepped over */
	CHECK(dwarf_scan_die(&u, l.function, &c) && c.ab && c.ab->tag == DW_TAG_subprogram);
	CHECK(!c.sibling && c.body == l.variable);
	CHECK(dwarf_scan_skip(&u, &c, &next) && next == l.function_end);
	CHECK(dwarf_scan_die(&u, l.variable, &d) && d.ab && d.ab->tag == DW_TAG_variable);
	CHECK(dwarf_scan_die(&u, d.body, &d) && !d.ab && d.body == l.function_end);

	/* cut short: refused, not read beyond the unit */
	u.end = l.variable + 5;
	CHECK(!dwarf_scan_die(&u, l.variable, &d));
	CHECK(!dwarf_scan_skip(&u, &c, &next));
	u.end = o.n;
	/* a sibling beyond the unit */
	u.end = l.function - 1;
	CHECK(!dwarf_scan_die(&u, l.structure, &c));
	u.end = o.n;
	/* an undefined code */
	o.b[l.function] = 9;
	CHECK(!dwarf_scan_die(&u, l.function, &c));
	dwarf_scan_table_release(&t);
}

int main(void)
{
	struct dwarf_scan_table t;
	int msb = 0;

	test_order(0);
	test_order(1);
	CHECK(!dwarf_scan_table_read(&t, unknown_form, sizeof(unknown_form), 0));
	dwarf_scan_table_release(&t);
	/* beyond the section */
	CHECK(!dwarf_scan_table_read(&t, abbrev, sizeof(abbrev), sizeof(abbrev)));
	dwarf_scan_table_release(&t);
	if (failures)
		fprintf(stderr, "%d failures\n", failures);
	return failures != 0;
}
