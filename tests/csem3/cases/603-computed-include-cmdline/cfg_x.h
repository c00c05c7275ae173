static inline int cfg_val(int x) { return x * 603; }
