#define STR_(x) #x
#define STR(x) STR_(x)
#define VERSION 12
#define PREFIX "mod:" STR(VERSION) ":"
#define MSG(s) PREFIX s "/" STR(__LINE__)
static const char banner[] = PREFIX "banner";

static int sum(const char *s) { int n = 0; while (*s) n = n * 31 + *s++; return n; }

int pu_f(int x)
{
	const char *m = MSG("hello") "-" __FILE__;
	return sum(m) + sum(banner) + x + (int)sizeof(MSG("x"));
}
