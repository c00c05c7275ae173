#ifndef B_H
#define B_H
struct b_box {
	int value;
	int limit;
};
#define B_CLAMP(v, l) ((v) > (l) ? (l) : (v))
int b_get(const struct b_box *b);
void b_set(struct b_box *b, int v);
#endif
