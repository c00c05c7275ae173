#ifndef CB_H
#define CB_H
struct cb_data { int k; };
int eu_cb(int x) { struct cb_data d = { x }; return d.k * 110; }
#endif
