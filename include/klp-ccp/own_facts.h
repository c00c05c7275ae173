/*
 * Facts about the unit from compiling its original command line, for what
 * only GCC knows and no --target-object was given for: the symbol names of
 * function-local statics (x.N).
 */
#ifndef KLP_CCP_OWN_FACTS_H
#define KLP_CCP_OWN_FACTS_H

struct gcc_cmdline;
struct facts_db;

struct own_facts {
	const struct gcc_cmdline *cl;	/* the original command line */
	const char *source;		/* the unit as the running binary has it */
	struct facts_db *db;		/* after the first own_facts_get(), or NULL */
	char *failure;			/* why there is none (owned), or NULL */
	int tried;
};

/* The facts of the compiled original (compiled once), or NULL with
 * of->failure saying why. */
struct facts_db *own_facts_get(struct own_facts *of);
void own_facts_release(struct own_facts *of);

#endif
