/*
 * Building YAML in memory with libyaml's emitter. Every scalar is reduced to
 * printable ASCII first: libyaml's emitter loops on invalid UTF-8.
 */
#ifndef KLP_CCP_YAML_OUT_H
#define KLP_CCP_YAML_OUT_H

#include <stdbool.h>
#include <stdio.h>
#include <yaml.h>

#include "klp-ccp/util.h"

struct yaml_out {
	yaml_emitter_t emitter;
	struct strbuf text;
	bool failed;
};

enum yo_style {
	YO_ANY,		/* plain where possible, libyaml's choice */
	YO_PLAIN,	/* numbers, booleans, null */
	YO_SINGLE,	/* 'single quoted' */
	YO_DOUBLE,	/* "double quoted" */
};

void yo_stream_begin(struct yaml_out *yo);
int yo_stream_end(struct yaml_out *yo);		/* -1 on emitter error */
void yo_doc_begin(struct yaml_out *yo, bool marker);	/* marker: "---" */
void yo_doc_end(struct yaml_out *yo);
void yo_begin(struct yaml_out *yo);		/* stream + document start, "---" */
int yo_end(struct yaml_out *yo);		/* document + stream end; -1 on emitter error */
int yo_print(struct yaml_out *yo, FILE *f);	/* the text to f; -1 on error */
void yo_map_begin(struct yaml_out *yo);
void yo_map_end(struct yaml_out *yo);
void yo_seq_begin(struct yaml_out *yo);
void yo_flow_seq_begin(struct yaml_out *yo);	/* [a, b] */
void yo_list_begin(struct yaml_out *yo, size_t n);	/* block; "[]" when n == 0 */
void yo_seq_end(struct yaml_out *yo);
/*
 * Scalars are written as UTF-8; a byte of s that is not part of valid UTF-8
 * is written as the private-use code point YO_BYTE_BASE + byte (U+10FF80..
 * U+10FFFF, UTF-8 F4 8F BE/BF xx), which report_read.c turns back into the
 * byte: file names in any encoding survive the report.
 */
#define YO_BYTE_BASE 0x10ff00UL
void yo_scalar(struct yaml_out *yo, const char *s, enum yo_style style);
void yo_str(struct yaml_out *yo, const char *s);	/* NULL: null */
void yo_uint(struct yaml_out *yo, unsigned long v);
void yo_bool(struct yaml_out *yo, bool v);
void yo_kv_str(struct yaml_out *yo, const char *key, const char *value);
void yo_kv_uint(struct yaml_out *yo, const char *key, unsigned long v);
void yo_kv_bool(struct yaml_out *yo, const char *key, bool v);
void yo_release(struct yaml_out *yo);

#endif
