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
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "klp-ccp/diag.h"
#include "klp-ccp/facts.h"
#include "klp-ccp/subcommands.h"
#include "klp-ccp/util.h"

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

static bool emit(yaml_emitter_t *em, yaml_event_t *ev)
{
	return yaml_emitter_emit(em, ev) != 0;
}

/*
 * libyaml's emitter loops on invalid UTF-8, and names from a corrupt object
 * can be anything: keep printable ASCII only.
 */
static bool scalar(yaml_emitter_t *em, const char *s, bool plain)
{
	yaml_event_t ev;
	char *clean = xstrdup(s);
	bool ok;

	for (char *q = clean; *q; q++)
		if ((unsigned char)*q < 0x20 || (unsigned char)*q > 0x7e)
			*q = '?';
	yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)clean, (int)strlen(clean),
				     plain, !plain, plain ? YAML_ANY_SCALAR_STYLE
							  : YAML_SINGLE_QUOTED_SCALAR_STYLE);
	ok = emit(em, &ev);
	free(clean);
	return ok;
}

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

static bool str(yaml_emitter_t *em, const char *s)
{
	return scalar(em, s, !needs_quotes(s));
}

static bool key_str(yaml_emitter_t *em, const char *k, const char *v)
{
	return str(em, k) && (v ? str(em, v) : scalar(em, "null", true));
}

static bool key_bool(yaml_emitter_t *em, const char *k, bool v)
{
	return str(em, k) && scalar(em, v ? "true" : "false", true);
}

static bool key_uint(yaml_emitter_t *em, const char *k, unsigned v)
{
	char num[16];

	snprintf(num, sizeof(num), "%u", v);
	return str(em, k) && scalar(em, num, true);
}

static bool seq_start(yaml_emitter_t *em, bool empty)
{
	yaml_event_t ev;

	yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, empty ? YAML_FLOW_SEQUENCE_STYLE
								 : YAML_BLOCK_SEQUENCE_STYLE);
	return emit(em, &ev);
}

static bool seq_end(yaml_emitter_t *em)
{
	yaml_event_t ev;

	yaml_sequence_end_event_initialize(&ev);
	return emit(em, &ev);
}

static bool map_start(yaml_emitter_t *em)
{
	yaml_event_t ev;

	yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
	return emit(em, &ev);
}

static bool map_end(yaml_emitter_t *em)
{
	yaml_event_t ev;

	yaml_mapping_end_event_initialize(&ev);
	return emit(em, &ev);
}

static bool key_list(yaml_emitter_t *em, const char *k, const struct strlist *l)
{
	if (!str(em, k) || !seq_start(em, !l->n))
		return false;
	for (size_t i = 0; i < l->n; i++)
		if (!str(em, l->v[i]))
			return false;
	return seq_end(em);
}

static bool clone_map(yaml_emitter_t *em, const char *entry)
{
	const char *sp = strchr(entry, ' ');
	char *sym = xstrndup(entry, sp ? (size_t)(sp - entry) : strlen(entry));
	char *of = facts_clone_origin(entry);
	bool ok = map_start(em) && key_str(em, "symbol", sym) &&
		  key_str(em, "kind", sp ? sp + 1 : "other") && key_str(em, "of", of) &&
		  map_end(em);

	free(sym);
	free(of);
	return ok;
}

static bool clones(yaml_emitter_t *em, const struct strlist *l)
{
	if (!str(em, "clones") || !seq_start(em, !l->n))
		return false;
	for (size_t i = 0; i < l->n; i++)
		if (!clone_map(em, l->v[i]))
			return false;
	return seq_end(em);
}

static bool facts_doc(yaml_emitter_t *em, const struct sym_facts *f)
{
	yaml_event_t ev;

	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 0);
	if (!emit(em, &ev) || !map_start(em))
		return false;
	if (!key_str(em, "name", f->name) || !key_bool(em, "present", f->present) ||
	    !key_str(em, "binding", f->binding) || !key_uint(em, "sympos", f->sympos) ||
	    !key_bool(em, "exported", f->exported) || !key_str(em, "object", f->object) ||
	    !clones(em, &f->clones) || !key_list(em, "inlined_into", &f->inlined_into) ||
	    !key_list(em, "callers_via_clones", &f->callers_via_clones) || !map_end(em))
		return false;
	yaml_document_end_event_initialize(&ev, 1);
	return emit(em, &ev);
}

static int write_yaml(struct facts_db *db, const struct facts_args *a)
{
	yaml_emitter_t em;
	yaml_event_t ev;
	bool ok;

	yaml_emitter_initialize(&em);
	yaml_emitter_set_output_file(&em, stdout);
	yaml_emitter_set_unicode(&em, 1);
	yaml_emitter_set_width(&em, -1);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	ok = emit(&em, &ev);
	for (int i = 0; ok && i < a->n_names; i++)
		ok = facts_doc(&em, facts_get(db, a->names[i]));
	if (ok) {
		yaml_stream_end_event_initialize(&ev);
		ok = emit(&em, &ev) && yaml_emitter_flush(&em);
	}
	if (!ok)
		diag_error("facts: cannot write YAML: %s",
			   em.problem ? em.problem : "output error");
	yaml_emitter_delete(&em);
	return ok && fflush(stdout) == 0 ? 0 : 1;
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
