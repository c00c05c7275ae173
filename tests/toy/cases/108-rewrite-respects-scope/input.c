struct box {
	int espr_v;
	int pu_g;
};

static int espr_v = 4208;

int pu_g(int x)
{
	return x;
}

static int helper(struct box *b)
{
	int r = b->espr_v + b->pu_g;

	{
		int espr_v = 3;

		r += espr_v;
	}
	return r;
}

int pu_f(struct box *b)
{
	return helper(b) + espr_v + pu_g(1);
}
