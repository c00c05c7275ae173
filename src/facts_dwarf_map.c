/*
 * libdwarf's object access over a read-only mapping of a linked image.
 *
 * dwarf_init_b() reads every DWARF section it touches into malloc'd memory,
 * and applies .rela.debug_* sections too: for a vmlinux linked with
 * --emit-relocs that is .debug_info (200+ MB) and its relocations (300+ MB)
 * copied into the DWARF child, about 1.1 GB, though only the units compiled
 * from the extracted source are walked. A linked image needs no relocation
 * (its addresses are final), so here libdwarf reads the sections straight
 * from a mapping of the file: only the pages the walk touches are read.
 * Relocatable objects (their .debug_info must be relocated) and compressed
 * sections keep libdwarf's own reader.
 */
#include <gelf.h>
#include <stdbool.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libdwarf.h>

#include "klp-ccp/facts_dwarf_map.h"

static struct dwarf_map *map_of(void *obj)
{
	return obj;
}

static int get_section_info(void *obj, Dwarf_Half index, Dwarf_Obj_Access_Section *out,
			    int *error)
{
	struct dwarf_map *m = map_of(obj);
	Elf_Scn *scn = elf_getscn(m->elf, index);
	GElf_Shdr sh;
	const char *name;

	(void)error;
	if (!scn || !gelf_getshdr(scn, &sh))
		return DW_DLV_NO_ENTRY;
	name = elf_strptr(m->elf, m->shstrndx, sh.sh_name);
	out->addr = sh.sh_addr;
	out->type = sh.sh_type;
	out->size = sh.sh_size;
	out->name = name ? name : "";
	out->link = sh.sh_link;
	out->info = sh.sh_info;
	out->entrysize = sh.sh_entsize;
	return DW_DLV_OK;
}

static Dwarf_Endianness get_byte_order(void *obj)
{
	return map_of(obj)->msb ? DW_OBJECT_MSB : DW_OBJECT_LSB;
}

/* as libdwarf's own ELF reader answers: the ELF class's size */
static Dwarf_Small get_address_size(void *obj)
{
	return map_of(obj)->elf64 ? 8 : 4;
}

static Dwarf_Unsigned get_section_count(void *obj)
{
	return map_of(obj)->n_sections;
}

static int load_section(void *obj, Dwarf_Half index, Dwarf_Small **data, int *error)
{
	struct dwarf_map *m = map_of(obj);
	Elf_Scn *scn = elf_getscn(m->elf, index);
	GElf_Shdr sh;

	(void)error;
	if (!scn || !gelf_getshdr(scn, &sh) || sh.sh_type == SHT_NOBITS ||
	    sh.sh_offset > m->len || sh.sh_size > m->len - sh.sh_offset)
		return DW_DLV_NO_ENTRY;
	*data = (Dwarf_Small *)m->base + sh.sh_offset;
	return DW_DLV_OK;
}

static const Dwarf_Obj_Access_Methods map_methods = {
	.get_section_info = get_section_info,
	.get_byte_order = get_byte_order,
	.get_length_size = get_address_size,
	.get_pointer_size = get_address_size,
	.get_section_count = get_section_count,
	.load_section = load_section,
	.relocate_a_section = NULL,	/* a linked image's addresses are final */
};

/* A compressed .debug_* section: libdwarf's reader inflates it, this does not. */
static bool has_compressed_debug(Elf *elf, size_t shstrndx)
{
	Elf_Scn *scn = NULL;

	while ((scn = elf_nextscn(elf, scn))) {
		GElf_Shdr sh;
		const char *name;

		if (!gelf_getshdr(scn, &sh))
			return true;
		name = elf_strptr(elf, shstrndx, sh.sh_name);
		if (name && (!strncmp(name, ".zdebug", 7) ||
			     (!strncmp(name, ".debug", 6) && (sh.sh_flags & SHF_COMPRESSED))))
			return true;
	}
	return false;
}

static void find_debug_info(struct dwarf_map *m)
{
	Elf_Scn *scn = NULL;
	long page = sysconf(_SC_PAGESIZE);

	while ((scn = elf_nextscn(m->elf, scn))) {
		GElf_Shdr sh;
		const char *name;

		if (!gelf_getshdr(scn, &sh))
			return;
		name = elf_strptr(m->elf, m->shstrndx, sh.sh_name);
		if (name && !strcmp(name, ".debug_info") && sh.sh_type != SHT_NOBITS &&
		    sh.sh_offset <= m->len && sh.sh_size <= m->len - sh.sh_offset && page > 0) {
			m->info_offset = sh.sh_offset;
			m->info_size = sh.sh_size;
			/* its first and last whole pages */
			m->info_first_page = (sh.sh_offset + (uint64_t)page - 1) & ~(uint64_t)(page - 1);
			m->info_end = (sh.sh_offset + sh.sh_size + (uint64_t)page - 1) &
				      ~(uint64_t)(page - 1);
			return;
		}
	}
}

int dwarf_map_open(struct dwarf_map *m, Elf *elf, int fd)
{
	GElf_Ehdr eh;
	struct stat st;
	void *base;

	memset(m, 0, sizeof(*m));
	if (!elf || !gelf_getehdr(elf, &eh) || eh.e_type == ET_REL ||
	    elf_getshdrnum(elf, &m->n_sections) || elf_getshdrstrndx(elf, &m->shstrndx) ||
	    has_compressed_debug(elf, m->shstrndx) || fstat(fd, &st) || st.st_size <= 0)
		return 1;
	base = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (base == MAP_FAILED)
		return 1;
	/* the walk reads a few units scattered over the file: no read-ahead */
	madvise(base, (size_t)st.st_size, MADV_RANDOM);
	m->elf = elf;
	m->base = base;
	m->len = (size_t)st.st_size;
	m->msb = eh.e_ident[EI_DATA] == ELFDATA2MSB;
	m->elf64 = eh.e_ident[EI_CLASS] == ELFCLASS64;
	find_debug_info(m);
	m->iface.object = m;
	m->iface.methods = &map_methods;
	return 0;
}

/*
 * Reading each unit's header maps the pages around it (the kernel's fault
 * around), and libdwarf looks at each unit's abbreviations, strings and
 * location and range lists: for vmlinux's thousands of units the walk's
 * resident size grew by some hundred MB though it keeps only a few units.
 * The units before a finished one are done with, and every so many units
 * the pages of the sections after .debug_info are dropped too (a later look
 * reads them again from the page cache).
 */
void dwarf_map_forget_info(struct dwarf_map *m, uint64_t next_unit)
{
	long page = sysconf(_SC_PAGESIZE);
	uint64_t end;

	if (!m->info_size || next_unit > m->info_size || page <= 0 || ++m->units_seen % 16)
		return;
	end = (m->info_offset + next_unit) & ~(uint64_t)(page - 1);
	if (end > m->info_first_page)
		madvise((void *)(m->base + m->info_first_page), end - m->info_first_page,
			MADV_DONTNEED);
	if (m->info_end < m->len)
		madvise((void *)(m->base + m->info_end), m->len - m->info_end, MADV_DONTNEED);
}

void dwarf_map_close(struct dwarf_map *m)
{
	if (m->base)
		munmap((void *)m->base, m->len);
	m->base = NULL;
}
