/* A block-scope extern declaration of a file-scope array defined later with
 * its bound deduced from the initializer: sizeof keeps the full size. */
int pu_count(int x)
{
	extern int eu_table[];

	return eu_table[x & 3] + x;
}

int eu_table[] = { 5, 6, 7, 8, 9 };

int pu_size(int x)
{
	return (int)sizeof(eu_table) + x + pu_count(x);
}
