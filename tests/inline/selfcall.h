/* selfcall.sh: the header inline wrap calls f, which calls wrap. */
int f(int x);

static inline int wrap(int x)
{
	return x > 1 ? f(x - 1) : 0;
}
