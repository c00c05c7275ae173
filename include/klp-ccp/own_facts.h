/*
 * Facts about the unit from compiling its original command line, for what
 * only GCC knows and no --target-object was given for: the symbol names of
 * function-local statics (x.N).
 */
#ifndef KLP_CCP_OWN_FACTS_H
#define KLP_CCP_OWN_FACTS_H

#include <sys/types.h>

struct gcc_cmdline;
struct facts_db;

struct own_facts {
	const struct gcc_cmdline *cl;	/* the original command line */
	const char *source;		/* the unit as the running binary has it */
	struct facts_db *db;		/* after the first own_facts_get(), or NULL */
	char *failure;			/* why there is none (owned), or NULL */
	int tried;
	pid_t pid;			/* the compile started, not yet waited for */
	char *dir;			/* its scratch directory (owned) */
};

/* Start the compile now, to run beside the parse (optional). */
void own_facts_start(struct own_facts *of);

/* The facts of the compiled original (compiled once, waited for), or NULL
 * with of->failure saying why. */
struct facts_db *own_facts_get(struct own_facts *of);
/* Also ends a compile started and never needed. */
void own_facts_release(struct own_facts *of);

#endif
