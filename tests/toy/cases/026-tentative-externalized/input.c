int eu_tent;
static int espr_tent;

int pu_f(int x)
{
	eu_tent += x;
	espr_tent += x;
	return eu_tent;
}
