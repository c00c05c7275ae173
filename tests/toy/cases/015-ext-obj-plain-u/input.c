int eu_counter = 4115;

int pu_f(int x)
{
	eu_counter += x;
	return eu_counter;
}
