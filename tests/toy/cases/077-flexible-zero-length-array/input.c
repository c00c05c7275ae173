struct msg {
	int len;
	char data[];
};

struct old_msg {
	int n;
	int z4177[0];
};

int pu_f(struct msg *m, struct old_msg *o)
{
	return m->data[0] + o->z4177[0] + (int)sizeof(struct old_msg);
}
