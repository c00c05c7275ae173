#define FEATURE_X

static int feat_helper(void)
{
	return 4138;
}

int pu_f(void)
{
	int r = 1;
#ifdef FEATURE_X
	r += feat_helper();
#else
	r = -1;
#endif
	return r;
}
