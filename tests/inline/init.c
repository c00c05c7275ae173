/*
 * setup runs once at boot (freed after), teardown is exit code (discarded
 * from vmlinux): neither can be livepatched. probe is in .ref.text (__ref:
 * ordinary text that may refer to init code): it can.
 */
__attribute__((__section__(".init.text"), noinline)) int setup(int x)
{
	return x * 4 + 1;
}

__attribute__((__section__(".exit.text"), noinline)) int teardown(int x)
{
	return x * 3;
}

__attribute__((__section__(".ref.text"), noinline)) int probe(int x)
{
	return x + 7;
}

int use(int x)
{
	return setup(x) - 1;
}
