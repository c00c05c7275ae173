static int counter = 4120;
static int unused_counter = 99;

int pu_f(void)
{
	return ++counter;
}

int other(void)
{
	return unused_counter;
}
