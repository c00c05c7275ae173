/* Static objects of a structure with a flexible array member initialized
 * (a GNU extension: the object holds the elements): a copied constant one
 * and an externalized writable one keep their elements and sizes. */
struct list { int n; int v[]; };

static const struct list primes = { 4, { 2, 3, 5, 7 } };
static struct list eu_seen = { 3, { 10, 20, 30 } };

static int sum(const struct list *l)
{
	int s = 0;

	for (int i = 0; i < l->n; i++)
		s += l->v[i];
	return s;
}

int pu_f(int x)
{
	eu_seen.v[x % 3] += x;
	return sum(&primes) * 1000 + sum(&eu_seen) + (int)sizeof(primes) * 100000;
}
