#define STR(x) #x
#define FMT(x) ((x) + 1)
#define LOG(x) FMT(x)
#define STEP(v) ((v) ? (int)sizeof(STR(NEXT)) : __COUNTER__)
#define NEXT() STEP(0)
#define PICK(x) (LOG(x) + NEXT())
static int first(void) { return __COUNTER__; }
int unrelated(void) { return first(); }
static int quiet(int v) { return LOG(v); }

int pu_f(int x)
{
	return quiet(x) + PICK(x) * 10;
}
