/*
 * klp-ccp facts --target-object=FILE [--symvers=F] [--source=FILE] NAME...
 *
 * Prints the binary facts about each NAME as one YAML document:
 *
 *   name: NAME
 *   present: true|false         out-of-line under its own name
 *   binding: local|global|weak|null
 *   sympos: N                   1-based among same-named locals, 0 if not local
 *   exported: true|false        __ksymtab_NAME, Module.symvers, or .dynsym
 *   object: vmlinux|MODULE|PROGRAM
 *   clones:                     [] when none
 *   - symbol: NAME.isra.0
 *     kind: isra                isra|constprop|part|cold|other
 *     of: NAME                  the symbol it is a clone (or cold part) of
 *   inlined_into: [F, ...]      sorted out-of-line functions (symbols)
 *   callers_via_clones: [...]   sorted functions calling a clone of NAME
 *   self_contained: true|false|null   its code calls no function of its
 *                               (relocatable) object; null when unknown
 *   code_size: N                bytes of its code (with .cold), 0 if unknown
 *   tree_size: N                code_size plus its callees' in the object,
 *                               transitively, 0 if unknown
 *   callees: [F, ...]           sorted base names of the object's functions
 *                               its code (with .cold) calls or jumps to
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "klp-ccp/diag.h"
#include "klp-ccp/facts.h"
#include "klp-ccp/subcommands.h"
#include "klp-ccp/util.h"
#include "klp-ccp/yaml_out.h"

static const char usage[] =
"Usage: klp-ccp facts --target-object=FILE... [--symvers=FILE] [--source=FILE] NAME...\n"
"Print what the target objects contain about each function or object NAME,\n"
"as one YAML document per NAME (keys: name, present, binding, sympos,\n"
"exported, object, clones, inlined_into, callers_via_clones).\n"
"\n"
"      --target-object=FILE  object the livepatch applies to: kernel .o, module\n"
"                            .ko, vmlinux or a user-space ELF with debug info\n"
"                            (repeatable)\n"
"      --symvers=FILE        Module.symvers: symbols exported to modules\n"
"      --source=FILE         source file of the local symbol asked about, to pick\n"
"                            it among same-named locals (STT_FILE symbols)\n"
"  -h, --help                print this help and exit\n";

struct facts_args {
	struct strlist objects;
	const char *symvers, *source;
	char **names;
	int n_names;
};

enum { OPT_TARGET = 256, OPT_SYMVERS, OPT_SOURCE };

static const struct option long_opts[] = {
	{ "target-object", required_argument, NULL, OPT_TARGET },
	{ "symvers", required_argument, NULL, OPT_SYMVERS },
	{ "source", required_argument, NULL, OPT_SOURCE },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* 0: go on, 1: done (help), -1: usage error (printed). */
static int parse_args(int argc, char **argv, struct facts_args *a)
{
	int c;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+h", long_opts, NULL)) != -1) {
		switch (c) {
		case OPT_TARGET:
			strlist_push(&a->objects, optarg);
			break;
		case OPT_SYMVERS:
			a->symvers = optarg;
			break;
		case OPT_SOURCE:
			a->source = optarg;
			break;
		case 'h':
			fputs(usage, stdout);
			return 1;
		default:
			diag_error("facts: invalid option '%s' (see klp-ccp facts --help)",
				   argv[optind - 1]);
			return -1;
		}
	}
	a->names = argv + optind;
	a->n_names = argc - optind;
	if (!a->objects.n) {
		diag_error("facts: no --target-object given (see klp-ccp facts --help)");
		return -1;
	}
	if (!a->n_names) {
		diag_error("facts: no NAME given (see klp-ccp facts --help)");
		return -1;
	}
	return 0;
}

/* ---- YAML ---------------------------------------------------------------- */

/* Plain unless YAML would read it as something else than a string. */
static bool needs_quotes(const char *s)
{
	static const char *const words[] = {
		"null", "true", "false", "yes", "no", "on", "off", "y", "n", "~",
	};

	if (!*s || strchr("0123456789+-.", *s))
		return true;
	for (size_t i = 0; i < sizeof(words) / sizeof(*words); i++)
		if (!strcasecmp(s, words[i]))
			return true;
	return false;
}

/* Names from a corrupt object can be anything: yo_scalar() sanitizes them. */
static void str(struct yaml_out *yo, const char *s)
{
	yo_scalar(yo, s, needs_quotes(s) ? YO_SINGLE : YO_ANY);
}

static void key_str(struct yaml_out *yo, const char *k, const char *v)
{
	str(yo, k);
	if (v)
		str(yo, v);
	else
		yo_str(yo, NULL);
}

static void key_list(struct yaml_out *yo, const char *k, const struct strlist *l)
{
	str(yo, k);
	yo_list_begin(yo, l->n);
	for (size_t i = 0; i < l->n; i++)
		str(yo, l->v[i]);
	yo_seq_end(yo);
}

static void clone_map(struct yaml_out *yo, const char *entry)
{
	const char *sp = strchr(entry, ' ');
	char *sym = xstrndup(entry, sp ? (size_t)(sp - entry) : strlen(entry));
	char *of = facts_clone_origin(entry);

	yo_map_begin(yo);
	key_str(yo, "symbol", sym);
	key_str(yo, "kind", sp ? sp + 1 : "other");
	key_str(yo, "of", of);
	yo_map_end(yo);
	free(sym);
	free(of);
}

static void clones(struct yaml_out *yo, const struct strlist *l)
{
	str(yo, "clones");
	yo_list_begin(yo, l->n);
	for (size_t i = 0; i < l->n; i++)
		clone_map(yo, l->v[i]);
	yo_seq_end(yo);
}

static void facts_doc(struct yaml_out *yo, const struct sym_facts *f)
{
	yo_doc_begin(yo, true);
	yo_map_begin(yo);
	key_str(yo, "name", f->name);
	yo_kv_bool(yo, "present", f->present);
	key_str(yo, "binding", f->binding);
	yo_kv_uint(yo, "sympos", f->sympos);
	yo_kv_bool(yo, "exported", f->exported);
	key_str(yo, "object", f->object);
	clones(yo, &f->clones);
	key_list(yo, "inlined_into", &f->inlined_into);
	key_list(yo, "callers_via_clones", &f->callers_via_clones);
	if (f->self_contained < 0)
		key_str(yo, "self_contained", NULL);
	else
		yo_kv_bool(yo, "self_contained", f->self_contained);
	yo_kv_uint(yo, "code_size", f->code_size);
	yo_kv_uint(yo, "tree_size", f->tree_size);
	key_list(yo, "callees", &f->callees);
	yo_map_end(yo);
	yo_doc_end(yo);
}

static int write_yaml(struct facts_db *db, const struct facts_args *a)
{
	struct yaml_out yo;
	int rc;

	yo_stream_begin(&yo);
	for (int i = 0; i < a->n_names; i++)
		facts_doc(&yo, facts_get(db, a->names[i]));
	rc = yo_stream_end(&yo);
	if (!rc)
		rc = yo_print(&yo, stdout);
	if (rc)
		diag_error("facts: cannot write YAML: %s",
			   yo.emitter.problem ? yo.emitter.problem : "output error");
	yo_release(&yo);
	return !rc && fflush(stdout) == 0 ? 0 : 1;
}

int facts_main(int argc, char **argv)
{
	struct facts_args a = {0};
	struct facts_db *db;
	int r = parse_args(argc, argv, &a);

	if (r) {
		strlist_release(&a.objects);
		return r > 0 ? 0 : 1;
	}
	db = facts_open(&a.objects, a.symvers);
	if (db) {
		if (a.source)
			facts_set_source(db, a.source);
		r = write_yaml(db, &a);
		facts_close(db);
	} else {
		r = 1;
	}
	strlist_release(&a.objects);
	return r;
}
