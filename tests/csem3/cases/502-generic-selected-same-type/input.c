struct node { int v; };
static int from_int(int v) { return v + 1; }
static int from_long(long v) { return (int)v + 2; }
static int from_other(double v) { return (int)v + 3; }
static int from_ulong(unsigned long v) { return (int)v + 4; }
static int from_str(const char *s) { return s[0]; }
static int from_node(struct node *n) { return n->v; }
static int from_char(char c) { return c; }
static int from_short(short v) { return v + 5; }
#define CONV(x) _Generic((x), int: from_int(x), long: from_long(x), default: from_other(x))
#define CONV2(x) _Generic((x), short: from_short(x), \
			  default: from_int(x))

int pu_f(int x)
{
	const char *s = "q";
	struct node n = { x };
	const long cl = x;
	char buf[4] = "z";

	return CONV(x) + CONV2(x) +
	       _Generic(cl, long unsigned int: from_ulong(x), long int: from_long(x), default: 0) +
	       _Generic(s, const char *: from_str(s), struct node *: from_node(&n), default: 0) +
	       _Generic(&n, struct node *: from_node(&n), const char *: from_str(s)) +
	       _Generic(buf, char *: from_char(buf[0]), default: from_char('a')) +
	       _Generic(1.5f, int: from_int(x), long: from_long(x), default: from_other(x));
}
