/* An enumerator in #if is an identifier the preprocessor makes 0; the
 * copied text must choose the same branch. */
enum mode { MODE_A = 3, MODE_B };
#if MODE_B
#define PICK 1
#else
#define PICK 2
#endif

int pu_pick(int x)
{
#if MODE_A == 0
	return x * PICK + MODE_B;
#else
	return -x;
#endif
}
