#ifndef LIM_H
#define LIM_H
static inline int lim_clamp(int v) { return v > eu_limit ? eu_limit : v; }
static inline int lim_log(int v) { return lim_report(v); }
#endif
