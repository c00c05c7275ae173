#ifndef KLP_CCP_FACTS_DWARF_MAP_H
#define KLP_CCP_FACTS_DWARF_MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <libelf.h>
#include <libdwarf.h>

/* src/facts_dwarf_map.c: libdwarf reads a linked image's DWARF from a mapping. */
struct dwarf_map {
	Dwarf_Obj_Access_Interface iface;	/* for dwarf_object_init_b() */
	Elf *elf;
	const unsigned char *base;
	size_t len;
	size_t n_sections, shstrndx;
	uint64_t info_offset, info_size;	/* .debug_info in the file */
	uint64_t info_first_page, info_end;	/* its whole pages */
	unsigned units_seen;
	bool msb, elf64;
};

/* 0 when m maps the DWARF of elf (open on fd); 1 when libdwarf's own reader
 * must read it (a relocatable object, compressed sections, no mapping). */
int dwarf_map_open(struct dwarf_map *m, Elf *elf, int fd);
/* The units of .debug_info before offset next_unit are read: drop their pages. */
void dwarf_map_forget_info(struct dwarf_map *m, uint64_t next_unit);
void dwarf_map_close(struct dwarf_map *m);

#endif
