struct flags {
	unsigned ready : 1;
	unsigned mode : 3;
	signed level4178 : 4;
	unsigned : 0;
	unsigned tail : 2;
};

int pu_f(struct flags *f)
{
	f->mode = 5;
	return f->ready + f->level4178 + f->tail;
}
