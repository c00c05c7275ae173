/*
 * A file-scope static C lets the unit write, that no code writes and whose
 * address no code takes: GCC places it in .rodata and folds its contents
 * (lookup's loop bound). lp.c copies it; "state", which set() writes, stays the
 * running kernel's. "other" puts caps at another offset of .rodata than in
 * lp.c's build: verify compares the references by object, the loop's bound
 * (the end of caps) too.
 */
static struct {
	unsigned short id;
	const char *name;
} caps[] = { { 3, "three" }, { 5, "five" }, { 9, "nine" }, { 10, "ten" },
	      { 11, "eleven" }, { 12, "twelve" }, { 13, "thirteen" }, { 14, "fourteen" } };
static int state[3] = { 1, 2, 3 };
static const long other[4] = { 11, 12, 13, 14 };

int find(int id);
int probe(int id);
int lookup(int id);

int find(int id)
{
	return (int)other[id & 3];
}

void set(int i, int v);
void set(int i, int v)
{
	state[i % 3] = v;
}

int lookup(int id)
{
	int n = state[id % 3];

	for (unsigned i = 0; i < sizeof(caps) / sizeof(caps[0]); i++)
		n += probe(caps[i].id + id);
	return n;
}
