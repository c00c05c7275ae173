/*
 * Without --target-object, an externalized function-local static still
 * needs GCC's symbol name: GCC names it x.N, N counted over the translation
 * unit in an order that depends on the optimization flags, so the C name
 * binds to nothing. The running binary was built from the original command
 * line; compiling it once more (plus -g, which changes no code, for the
 * DWARF that ties each x.N to its function) names them as the target's
 * facts would.
 */
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/facts.h"
#include "klp-ccp/gcc_cmdline.h"
#include "klp-ccp/internal_compile.h"
#include "klp-ccp/own_facts.h"
#include "klp-ccp/util.h"

static struct facts_db *compile_and_read(struct own_facts *of, const char *dir)
{
	const struct gcc_cmdline *cl = of->cl;
	char *obj = xasprintf("%s/own.o", dir);
	struct strlist v = { 0 }, objs = { 0 };
	struct strbuf log = { 0 };
	struct facts_db *db = NULL;
	int rc;

	strlist_push(&v, cl->compiler);
	internal_push_args(cl, of->source, &v);
	strlist_push(&v, "-g");
	strlist_push(&v, "-w");
	strlist_push(&v, "-o");
	strlist_push(&v, obj);
	strlist_push_owned(&v, NULL);
	rc = internal_run(v.v, &log);
	if (rc) {
		char *msg = internal_first_message(&log);

		of->failure = xasprintf("compiling %s failed: %s", of->source,
					*msg ? msg : "cannot run the compiler");
		free(msg);
	} else {
		strlist_push(&objs, obj);
		db = facts_open(&objs, NULL);
		if (!db)
			of->failure = xasprintf("cannot read %s compiled", of->source);
	}
	strlist_release(&objs);
	strlist_release(&v);
	sb_release(&log);
	free(obj);
	return db;
}

struct facts_db *own_facts_get(struct own_facts *of)
{
	char *dir;

	if (of->tried++)
		return of->db;
	dir = internal_scratch_create("own");
	if (!dir) {
		of->failure = xstrdup("no scratch directory");
		return NULL;
	}
	of->db = compile_and_read(of, dir);
	internal_scratch_remove(dir);
	free(dir);
	return of->db;
}

void own_facts_release(struct own_facts *of)
{
	if (of->db)
		facts_close(of->db);
	free(of->failure);
	of->db = NULL;
	of->failure = NULL;
}
