#define TMP_SCALE 4
static inline int tmp_scaled(int x) { return x * TMP_SCALE; }
#undef TMP_SCALE
