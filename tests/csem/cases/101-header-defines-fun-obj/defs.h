#ifndef DEFS_H
#define DEFS_H
struct rec { int v; };
#define REC_BIAS 7
int eu_hdr_count = 3;
int eu_hdr_get(const struct rec *r) { return r->v + eu_hdr_count; }
#endif
