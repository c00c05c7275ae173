/* Thin helpers over libyaml's emitter, writing into a string buffer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/yaml_out.h"

static int write_handler(void *data, unsigned char *buf, size_t size)
{
	sb_addn(data, (const char *)buf, size);
	return 1;
}

static void emit(struct yaml_out *yo, yaml_event_t *ev)
{
	if (yo->failed) {
		yaml_event_delete(ev);	/* the emitter frees only what it is given */
		return;
	}
	if (!yaml_emitter_emit(&yo->emitter, ev))
		yo->failed = true;
}

void yo_stream_begin(struct yaml_out *yo)
{
	yaml_event_t ev;

	memset(yo, 0, sizeof(*yo));
	yaml_emitter_initialize(&yo->emitter);
	yaml_emitter_set_output(&yo->emitter, write_handler, &yo->text);
	yaml_emitter_set_unicode(&yo->emitter, 1);
	yaml_emitter_set_width(&yo->emitter, -1);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	emit(yo, &ev);
}

int yo_stream_end(struct yaml_out *yo)
{
	yaml_event_t ev;

	yaml_stream_end_event_initialize(&ev);
	emit(yo, &ev);
	yaml_emitter_flush(&yo->emitter);
	return yo->failed ? -1 : 0;
}

void yo_doc_begin(struct yaml_out *yo, bool marker)
{
	yaml_event_t ev;

	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, !marker);
	emit(yo, &ev);
}

void yo_doc_end(struct yaml_out *yo)
{
	yaml_event_t ev;

	yaml_document_end_event_initialize(&ev, 1);
	emit(yo, &ev);
}

void yo_begin(struct yaml_out *yo)
{
	yo_stream_begin(yo);
	yo_doc_begin(yo, true);
}

int yo_end(struct yaml_out *yo)
{
	yo_doc_end(yo);
	return yo_stream_end(yo);
}

int yo_print(struct yaml_out *yo, FILE *f)
{
	if (yo->failed || fwrite(yo->text.buf, 1, yo->text.len, f) != yo->text.len)
		return -1;
	return 0;
}

void yo_map_begin(struct yaml_out *yo)
{
	yaml_event_t ev;

	yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
	emit(yo, &ev);
}

void yo_map_end(struct yaml_out *yo)
{
	yaml_event_t ev;

	yaml_mapping_end_event_initialize(&ev);
	emit(yo, &ev);
}

static void seq_begin(struct yaml_out *yo, yaml_sequence_style_t style)
{
	yaml_event_t ev;

	yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, style);
	emit(yo, &ev);
}

void yo_seq_begin(struct yaml_out *yo)
{
	seq_begin(yo, YAML_BLOCK_SEQUENCE_STYLE);
}

void yo_flow_seq_begin(struct yaml_out *yo)
{
	seq_begin(yo, YAML_FLOW_SEQUENCE_STYLE);
}

void yo_list_begin(struct yaml_out *yo, size_t n)
{
	seq_begin(yo, n ? YAML_BLOCK_SEQUENCE_STYLE : YAML_FLOW_SEQUENCE_STYLE);
}

void yo_seq_end(struct yaml_out *yo)
{
	yaml_event_t ev;

	yaml_sequence_end_event_initialize(&ev);
	emit(yo, &ev);
}

/* Length of the valid UTF-8 sequence at s (no overlong form, no surrogate), or 0. */
static size_t utf8_len(const unsigned char *s)
{
	size_t n = *s < 0x80 ? 1 : *s >= 0xc2 && *s <= 0xdf ? 2 : (*s & 0xf0) == 0xe0 ? 3 :
		   *s >= 0xf0 && *s <= 0xf4 ? 4 : 0;
	unsigned long cp = n == 1 ? *s : n == 2 ? *s & 0x1f : n == 3 ? *s & 0x0f : *s & 0x07;

	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((n == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (n == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	return n;
}

static bool is_utf8(const char *s)
{
	for (size_t n; *s; s += n)
		if (!(n = utf8_len((const unsigned char *)s)))
			return false;
	return true;
}

static void emit_scalar(struct yaml_out *yo, const char *s, enum yo_style style)
{
	static const yaml_scalar_style_t styles[] = {
		[YO_ANY] = YAML_ANY_SCALAR_STYLE,
		[YO_PLAIN] = YAML_PLAIN_SCALAR_STYLE,
		[YO_SINGLE] = YAML_SINGLE_QUOTED_SCALAR_STYLE,
		[YO_DOUBLE] = YAML_DOUBLE_QUOTED_SCALAR_STYLE,
	};
	yaml_event_t ev;

	/* implicit: no tag in front, the style says what it is */
	yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s),
				     style == YO_ANY || style == YO_PLAIN, style != YO_PLAIN,
				     styles[style]);
	emit(yo, &ev);
}

/*
 * libyaml's emitter loops on invalid UTF-8, and YAML has no bytes: a byte
 * that is not UTF-8 is written as the private-use code point U+10FF00 +
 * byte, which the report reader turns back into the byte (yaml_out.h).
 */
void yo_scalar(struct yaml_out *yo, const char *s, enum yo_style style)
{
	struct strbuf clean = { 0 };

	if (is_utf8(s)) {
		emit_scalar(yo, s, style);
		return;
	}
	for (size_t n; *s; s += n) {
		unsigned long cp = YO_BYTE_BASE + (unsigned char)*s;

		n = utf8_len((const unsigned char *)s);
		if (n) {
			sb_addn(&clean, s, n);
			continue;
		}
		n = 1;
		sb_addc(&clean, (char)0xf4);
		sb_addc(&clean, (char)(0x80 | ((cp >> 12) & 0x3f)));
		sb_addc(&clean, (char)(0x80 | ((cp >> 6) & 0x3f)));
		sb_addc(&clean, (char)(0x80 | (cp & 0x3f)));
	}
	emit_scalar(yo, clean.buf, style);
	sb_release(&clean);
}

void yo_str(struct yaml_out *yo, const char *s)
{
	if (!s) {
		yo_scalar(yo, "null", YO_PLAIN);
		return;
	}
	/* quote strings YAML would read as another type */
	if (!*s || !strcmp(s, "null") || !strcmp(s, "true") || !strcmp(s, "false") ||
	    strspn(s, "0123456789.-+") == strlen(s)) {
		yo_scalar(yo, s, YO_DOUBLE);
		return;
	}
	yo_scalar(yo, s, YO_ANY);
}

void yo_uint(struct yaml_out *yo, unsigned long v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%lu", v);
	yo_scalar(yo, buf, YO_PLAIN);
}

void yo_bool(struct yaml_out *yo, bool v)
{
	yo_scalar(yo, v ? "true" : "false", YO_PLAIN);
}

void yo_kv_str(struct yaml_out *yo, const char *key, const char *value)
{
	yo_str(yo, key);
	yo_str(yo, value);
}

void yo_kv_uint(struct yaml_out *yo, const char *key, unsigned long v)
{
	yo_str(yo, key);
	yo_uint(yo, v);
}

void yo_kv_bool(struct yaml_out *yo, const char *key, bool v)
{
	yo_str(yo, key);
	yo_bool(yo, v);
}

void yo_release(struct yaml_out *yo)
{
	yaml_emitter_delete(&yo->emitter);
	sb_release(&yo->text);
}
