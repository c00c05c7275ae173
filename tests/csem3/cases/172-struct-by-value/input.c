/* A patched function returning and taking structures by value. */
struct pair { int a; long b; char tag[3]; };

static struct pair make(int x) { struct pair p = { x, x * 2L, "ok" }; return p; }

struct pair pu_twice(struct pair p)
{
	struct pair q = make(p.a);

	q.b += p.b;
	q.tag[0] = p.tag[1];
	return q;
}

int pu_entry(int x)
{
	struct pair p = { x, 5, "hi" };
	struct pair r = pu_twice(p);

	return r.a + (int)r.b * 10 + r.tag[0];
}
