/* Building YAML documents in memory with libyaml's emitter. */
#ifndef KLP_CCP_YAML_OUT_H
#define KLP_CCP_YAML_OUT_H

#include <stdbool.h>
#include <yaml.h>

#include "klp-ccp/util.h"

struct yaml_out {
	yaml_emitter_t emitter;
	struct strbuf text;
	bool failed;
};

void yo_begin(struct yaml_out *yo);		/* stream + document start */
int yo_end(struct yaml_out *yo);		/* document + stream end; -1 on emitter error */
void yo_map_begin(struct yaml_out *yo);
void yo_map_end(struct yaml_out *yo);
void yo_seq_begin(struct yaml_out *yo);
void yo_seq_end(struct yaml_out *yo);
void yo_str(struct yaml_out *yo, const char *s);	/* NULL: null */
void yo_uint(struct yaml_out *yo, unsigned long v);
void yo_bool(struct yaml_out *yo, bool v);
void yo_kv_str(struct yaml_out *yo, const char *key, const char *value);
void yo_kv_uint(struct yaml_out *yo, const char *key, unsigned long v);
void yo_kv_bool(struct yaml_out *yo, const char *key, bool v);
void yo_release(struct yaml_out *yo);

#endif
