static inline int lim_b(int x) { return x > LIMIT ? LIMIT : x; }
