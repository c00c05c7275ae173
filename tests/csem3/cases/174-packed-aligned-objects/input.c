/* Packed and aligned types and objects keep their layout: sizes and
 * alignments computed in the patched function are the original's. */
struct __attribute__((packed)) wire { char c; int v; short s; };
struct slot { int v; } __attribute__((aligned(32)));
static struct slot eu_slots[2] __attribute__((aligned(64)));
typedef int vec4 __attribute__((vector_size(16)));

int pu_layout(int x)
{
	struct wire w = { 1, x, 2 };
	vec4 v = { x, 1, 2, 3 };

	eu_slots[1].v = x;
	return (int)sizeof(struct wire) * 1000 + (int)_Alignof(struct slot) * 10 +
	       (int)((unsigned long)&eu_slots[0] % 64) + w.v + v[0] + (int)sizeof(eu_slots);
}
