struct inner {
	int v;
};

struct other {
	int other_member_4130;
};

struct outer {
	struct inner in;
	struct other *link;
	int w;
};

int pu_f(struct outer *o)
{
	return o->in.v + o->w;
}
