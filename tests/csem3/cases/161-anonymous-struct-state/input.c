/* A writable static object of an unnamed struct type keeps one state. */
static struct { int hits; int last; } eu_stats;

int pu_record(int x)
{
	eu_stats.hits++;
	eu_stats.last = x;
	return eu_stats.hits * 100 + eu_stats.last;
}
