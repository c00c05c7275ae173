/*
 * Module.symvers: "CRC<TAB>SYMBOL<TAB>MODULE<TAB>EXPORT-TYPE[<TAB>NAMESPACE]"
 * per line; every SYMBOL is exported (to modules).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/diag.h"
#define KLP_CCP_FACTS_INTERNAL
#include "klp-ccp/facts.h"
#include "klp-ccp/symvers.h"
#include "klp-ccp/util.h"

typedef void (*symvers_fn)(void *ctx, const char *sym);

/* One line (NUL terminated, no newline); false when malformed. */
static bool symvers_line(char *line, symvers_fn fn, void *ctx)
{
	char *save = NULL, *crc, *sym, *module;

	if (!*line || strspn(line, " \t\r") == strlen(line))
		return true;
	crc = strtok_r(line, "\t", &save);
	sym = strtok_r(NULL, "\t", &save);
	module = strtok_r(NULL, "\t", &save);
	if (!crc || !sym || !module || strncmp(crc, "0x", 2) || !facts_base_len(sym))
		return false;
	fn(ctx, sym);
	return true;
}

static int symvers_parse(const char *path, symvers_fn fn, void *ctx)
{
	size_t len, lineno = 0;
	char *buf = read_file(path, &len), *p, *nl;

	if (!buf) {
		diag_error("cannot read '%s': %s", path, file_strerror(errno));
		return -1;
	}
	for (p = buf; p < buf + len; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(buf + len - p));
		if (!nl)
			nl = buf + len;
		*nl = '\0';
		lineno++;
		if (strlen(p) != (size_t)(nl - p) || !symvers_line(p, fn, ctx)) {
			diag_error("%s:%zu: malformed Module.symvers line (expected "
				   "CRC<TAB>SYMBOL<TAB>MODULE...)", path, lineno);
			free(buf);
			return -1;
		}
	}
	free(buf);
	return 0;
}

static void mark_exported(void *ctx, const char *sym)
{
	facts_entry(ctx, sym)->exported = true;
}

int facts_symvers_load(struct facts_db *db, const char *path)
{
	if (symvers_parse(path, mark_exported, db))
		return -1;
	db->have_symvers = true;
	return 0;
}

static void add_name(void *ctx, const char *sym)
{
	strlist_push(ctx, sym);
}

int symvers_names(const char *path, struct strlist *names)
{
	return symvers_parse(path, add_name, names);
}
