/* a function that runs once at boot: patching it changes nothing */
__attribute__((__section__(".init.text"), noinline)) int setup(int x)
{
	return x * 4 + 1;
}

int use(int x)
{
	return x - 1;
}
