extern int g(int);

/*
 * add - a documented function
 */
int add(int x,
	int y)
{
	return g(x) + y;
}
