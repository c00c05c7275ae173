/* __builtin_types_compatible_p and typeof over typedefs and a static
 * object's type: the typedefs come along, the object is only named. */
typedef unsigned long word_t;
typedef struct { int n; } box_t;
static box_t eu_box = { 4 };
#define IS_WORD(x) __builtin_types_compatible_p(__typeof__(x), word_t)

int pu_types(int x)
{
	word_t w = (word_t)x;
	__typeof__(eu_box) copy = { x };

	return IS_WORD(w) * 100 + IS_WORD(x) * 10 + copy.n + (int)sizeof(box_t);
}
