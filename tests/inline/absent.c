/* GCC inlined helper everywhere and worker (its constprop clone) into entry1
 * and entry2; the dump keeps worker "for its clones", but the target has no
 * worker: --ipa-clones patches entry1 and entry2 and copies both. */
extern int ext(int);
extern int tab[16];
static inline int helper(int x) { return tab[x & 15] + x; }
static int worker(int a, int mode)
{
	int s = 0;
	for (int i = 0; i < a; i++)
		s += ext(helper(i) * mode);
	return s;
}
int entry1(int a) { return worker(a, 3) + 1; }
int entry2(int a) { return worker(a, 3) + helper(a); }
