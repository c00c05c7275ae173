static int tent;
int gtent;

int pu_f(int x)
{
	tent += x;
	gtent += x;
	return tent;
}
