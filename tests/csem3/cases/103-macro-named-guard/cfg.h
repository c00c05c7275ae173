/* guarded by a macro whose name another macro gives */
#if !defined(CFG_H_)
#define CFG_H_ 1
int eu_cfg_base = 103;
static inline int cfg_scale(int x) { return x * 4; }
#endif
