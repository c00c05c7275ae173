/* __has_attribute / __has_builtin choose definitions as GCC answers them
 * (not clang): the copied branch is GCC's, under the same flags. */
#if __has_attribute(__fallthrough__)
#define FALLTHROUGH __attribute__((__fallthrough__))
#else
#define FALLTHROUGH do { } while (0)
#endif

#if __has_builtin(__builtin_mul_overflow)
#define MUL_OK(a, b, r) (!__builtin_mul_overflow(a, b, r))
#else
#define MUL_OK(a, b, r) ((*(r) = (a) * (b)), 1)
#endif

#if defined(__has_attribute) && __has_attribute(__copy__)
static const int copy_seen = 1;
#else
static const int copy_seen = 2;
#endif

int pu_f(int x)
{
	int r = 0, m;

	switch (x & 3) {
	case 0:
		r += 10;
		FALLTHROUGH;
	case 1:
		r += MUL_OK(x, 1 << 30, &m) ? 1 : 100;
		break;
	default:
		r = -1;
	}
	return r * 10 + copy_seen;
}
