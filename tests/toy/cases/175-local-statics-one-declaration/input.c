#define __read_mostly __attribute__((__section__(".data..read_mostly")))
struct cache { int n; };

int pu_f(void)
{
	static struct cache eu_boot,
		eu_boot_node;
	static int kept = 1, eu_hits;
	static int eu_once __read_mostly;

	eu_hits++;
	eu_once = !eu_once;
	eu_boot.n++;
	eu_boot_node.n += 2;
	return eu_boot.n + eu_boot_node.n + kept++ + eu_once;
}
