/* An object declared with more alignment than its type (_Alignas, the
 * aligned attribute): __alignof__ of the object and the code GCC emits
 * from it must not change when lp.c declares it extern. */
static _Alignas(64) char eu_line[10];
static int eu_words[3] __attribute__((aligned(32)));
struct __attribute__((aligned(16))) blk { int v; };
static long eu_any __attribute__((aligned));
static struct blk eu_blk;

/* the running code reads and writes them: GCC keeps their symbols */
void poke(long v) { eu_line[1] = (char)v; eu_words[2] = (int)v; eu_any = v; eu_blk.v = (int)v; }
long peek(void) { return eu_line[0] + eu_words[1] + eu_blk.v + eu_any; }

int pu_align(int x)
{
	eu_line[0] = (char)x;
	eu_words[1] = x;
	eu_blk.v = x;
	return (int)(__alignof__(eu_line) * 10000 + __alignof__(eu_words) * 100 +
		     __alignof__(eu_blk) + __alignof__(eu_any) * 1000000) + eu_any + ((unsigned long)eu_line % 64 ? 1000000 : 0);
}
