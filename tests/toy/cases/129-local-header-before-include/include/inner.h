struct box { int v; };
static inline int unbox_twice(const struct box *b) { return twice(b->v); }
