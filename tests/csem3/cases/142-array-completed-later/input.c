extern int eu_arr[];
extern const char eu_name[];
int count_arr(void) { return eu_arr[0]; }
int eu_arr[5] = { 1, 2, 3, 4, 5 };
const char eu_name[] = "complete";

int pu_f(int x)
{
	return (int)sizeof(eu_arr) * 100 + (int)sizeof(eu_name) + eu_arr[x % 5];
}
