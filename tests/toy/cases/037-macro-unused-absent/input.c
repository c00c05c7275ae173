#define UNUSED_MACRO_4137 99
#define ONLY_IN_OTHER 5
#define USED 1

int other(void)
{
	return ONLY_IN_OTHER;
}

int pu_f(void)
{
	return USED;
}
