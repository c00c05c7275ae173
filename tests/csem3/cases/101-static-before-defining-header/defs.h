#ifndef DEFS_H
#define DEFS_H
int shelp(int x) { return x * 3 + 101; }
int eu_hdr_obj = 4;
#endif
