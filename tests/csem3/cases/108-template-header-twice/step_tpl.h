static int NAME(int x)
{
	return x OP 108;
}
