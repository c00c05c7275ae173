struct state {
	int count;
	long pad4209;
};

struct state eu_st;

int pu_f(void)
{
	return eu_st.count;
}
