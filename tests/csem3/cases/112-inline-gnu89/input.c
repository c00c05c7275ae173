/* gnu89: "extern inline" is an inline-only definition (no symbol), plain
   "inline" an out-of-line external one */
extern inline int eu_fast(int x) { return x + 1; }
inline int eu_plain(int x) { return x * 2; }
static inline int sti(int x) { return x - 3; }

int pu_f(int x)
{
	return eu_fast(x) + eu_plain(x) + sti(x) + 112;
}
