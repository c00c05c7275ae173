/* A constant string table indexed by an enum, and its size through a macro:
 * copied as it was. */
enum color { RED, GREEN, BLUE, NCOLORS };
static const char *const color_names[NCOLORS] = {
	[BLUE] = "blue", [RED] = "red", [GREEN] = "green",
};
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

int pu_name_len(int x)
{
	const char *s = color_names[(unsigned)x % ARRAY_SIZE(color_names)];
	int n = 0;

	while (s[n])
		n++;
	return n * 10 + s[0];
}
