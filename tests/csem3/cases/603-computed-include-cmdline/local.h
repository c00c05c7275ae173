static inline int local_val(int x) { return x + 1; }
