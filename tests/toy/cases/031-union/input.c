union val {
	int i;
	float f4131;
};

struct tagged {
	int kind;
	union {
		int si;
		long sl;
	};
};

float pu_f(int i)
{
	union val v;

	v.i = i;
	return v.f4131;
}

long pu_g(struct tagged *t)
{
	return t->kind ? t->sl : t->si;
}
