/* send_plain is static; send_all takes its address (as the kernel's
 * INDIRECT_CALL_2 does: compares the pointer it is given with it, calls it
 * directly when equal) and skb_send passes it on. GCC inlines that direct
 * call into send_all. A livepatch of send_all must externalize send_plain
 * (its address is the running one's, which the callers pass), and gets its
 * body as an extern inline gnu_inline definition, so that GCC inlines the
 * direct call again. send_fancy names a static (counter): not so. */
extern int transmit(void *sk, const char *buf, int len);
extern int transmit_locked(void *sk, const char *buf, int len);

#define likely(x) __builtin_expect(!!(x), 1)
#define CALL_2(f, f2, f1, ...) \
	(likely(f == f2) ? f2(__VA_ARGS__) : (likely(f == f1) ? f1(__VA_ARGS__) : f(__VA_ARGS__)))

typedef int (*send_fn)(void *sk, const char *buf, int len);

static int counter;

static int send_plain(void *sk, const char *buf, int len)
{
	if (!sk)
		return -22;
	return transmit(sk, buf, len);
}

static int send_fancy(void *sk, const char *buf, int len)
{
	counter++;
	if (!sk)
		return -22;
	return transmit(sk, buf, len + counter);
}

int send_all(void *sk, const char *buf, int len, send_fn send)
{
	int done = 0;

	while (done < len) {
		int r = CALL_2(send, transmit_locked, send_plain, sk, buf + done, len - done);

		if (r <= 0)
			return done ? done : r;
		done += r;
	}
	return done;
}

int send_twice(void *sk, const char *buf, int len, send_fn send)
{
	int r = CALL_2(send, transmit_locked, send_fancy, sk, buf, len);

	return r < 0 ? r : r + CALL_2(send, transmit_locked, send_fancy, sk, buf, len);
}

int skb_send(void *sk, const char *buf, int len)
{
	return send_all(sk, buf, len, send_plain) + send_twice(sk, buf, len, send_fancy);
}
