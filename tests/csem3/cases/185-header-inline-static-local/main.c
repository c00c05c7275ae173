int other(void);
int pu_a(int), pu_b(int), klpp_pu_a(int), klpp_pu_b(int);

/* one counter: the running code's calls and the patched ones' interleave */
int main(void)
{
	int r = 0;

	r |= other() != 1;
	r |= klpp_pu_a(5) != 25;
	r |= pu_b(0) != 300;
	r |= klpp_pu_b(1) != 401;
	r |= other() != 5;
	r |= klpp_pu_a(0) != 60;
	return r;
}
