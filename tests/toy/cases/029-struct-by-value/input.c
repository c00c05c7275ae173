struct point {
	int x, y;
};

struct sized {
	char buf[4129];
};

int pu_f(struct point p)
{
	return p.x + p.y;
}

unsigned long pu_g(void)
{
	return sizeof(struct sized);
}
