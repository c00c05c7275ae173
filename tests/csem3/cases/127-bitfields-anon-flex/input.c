#include <stdlib.h>
struct rec {
	unsigned kind : 3;
	signed level : 5;
	union {
		int ival;
		struct { short lo, hi; };
	};
	struct { unsigned char tag; };
	int n;
	int data[];
};
static struct rec *make(int n)
{
	struct rec *r = calloc(1, sizeof(*r) + n * sizeof(r->data[0]));
	r->n = n;
	return r;
}

int pu_f(int x)
{
	struct rec *r = make(3);
	int v;
	r->kind = x;
	r->level = -x;
	r->lo = 1; r->hi = 2;
	r->tag = 200;
	r->data[2] = x * 7;
	v = r->kind * 1000 + r->level * 100 + r->ival % 97 + r->tag + r->data[2] + (int)sizeof(struct rec);
	free(r);
	return v;
}
