#define __assume_al(a, ...) __attribute__((__assume_aligned__(a, ## __VA_ARGS__)))
void *get_buf(unsigned long n) __assume_al(16) __attribute__((__cold__));

int pu_f(void)
{
	char *p = get_buf(8);

	return p != 0;
}
