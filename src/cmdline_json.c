/*
 * --cmdline-json=FILE (klp-ccp/cmdline_json.h). A JSON array of strings is
 * a YAML flow sequence of double-quoted scalars, with the same escapes:
 * libyaml reads it. Anything else (numbers, nesting, a mapping, two
 * documents) is refused.
 */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "klp-ccp/cmdline_json.h"
#include "klp-ccp/diag.h"

#define MAX_JSON_SIZE (16 * 1024 * 1024)

/* 1: one more string, 0: the end of the array, -1: something else. */
static int next_string(yaml_parser_t *p, struct strlist *argv, bool *in_array)
{
	yaml_event_t ev;
	int rc = -1;

	if (!yaml_parser_parse(p, &ev))
		return -1;
	switch (ev.type) {
	case YAML_STREAM_START_EVENT:
	case YAML_DOCUMENT_START_EVENT:
		rc = *in_array ? -1 : 1;
		break;
	case YAML_SEQUENCE_START_EVENT:
		rc = *in_array ? -1 : 1;
		*in_array = true;
		break;
	case YAML_SCALAR_EVENT:
		if (*in_array && ev.data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE &&
		    strlen((char *)ev.data.scalar.value) == ev.data.scalar.length) {
			strlist_push(argv, (char *)ev.data.scalar.value);
			rc = 1;
		}
		break;
	case YAML_SEQUENCE_END_EVENT:
		rc = *in_array ? 0 : -1;
		break;
	default:
		break;
	}
	yaml_event_delete(&ev);
	return rc;
}

static int parse_text(const char *path, const char *text, size_t len, struct strlist *argv)
{
	yaml_parser_t p;
	bool in_array = false;
	int rc;

	if (!yaml_parser_initialize(&p)) {
		diag_error("%s: cannot initialize the JSON reader", path);
		return -1;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	while ((rc = next_string(&p, argv, &in_array)) > 0)
		;
	if (rc < 0 && p.error != YAML_NO_ERROR)
		diag_error("%s:%zu: not a JSON array of strings: %s", path,
			   p.problem_mark.line + 1, p.problem ? p.problem : "syntax error");
	else if (rc < 0)
		diag_error("%s: not a JSON array of strings", path);
	else if (!argv->n)
		diag_error("%s: the command line is empty", path);
	yaml_parser_delete(&p);
	return rc < 0 || !argv->n ? -1 : 0;
}

int cmdline_json_read(const char *path, struct strlist *argv)
{
	struct stat st;
	size_t len;
	char *text;
	int rc;

	if (stat(path, &st) || !S_ISREG(st.st_mode) || st.st_size > MAX_JSON_SIZE) {
		diag_error("%s: %s", path, stat(path, &st) ? strerror(errno) :
			   !S_ISREG(st.st_mode) ? "not a regular file" : "too large");
		return -1;
	}
	text = read_file(path, &len);
	if (!text) {
		diag_error("%s: %s", path, strerror(errno));
		return -1;
	}
	rc = parse_text(path, text, len, argv);
	free(text);
	return rc;
}
