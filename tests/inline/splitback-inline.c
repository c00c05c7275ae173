/* sock_of is declared inline: GCC inlines it whole into both callers. The
 * test adds to GCC's clone dump that it was split and both parts inlined
 * back (as GCC does with slab.h's cache_from_obj in mm/slub.c). */
struct file;
struct socket { struct file *file; };
struct sock { struct socket *socket; int lock; long refs; };
extern int allow_data;
extern void lock_bh(int *lock);
extern void unlock_bh(int *lock);
extern int file_capable(struct file *file, int cap);
extern void drop(void *skb);
extern void queue_err(void *skb, struct sock *sk, int type);
extern void warn(const char *fmt, ...);

static inline struct sock *sock_of(struct sock *sk, void *x)
{
	if (__builtin_expect(!allow_data, 1))
		return sk;
	lock_bh(&sk->lock);
	if (sk->socket && file_capable(sk->socket->file, 13))
		warn("%p %p %ld\n", sk, x, sk->refs);
	unlock_bh(&sk->lock);
	return sk->refs ? sk : 0;
}

void free_one(struct sock *sk, void *x)
{
	sk = sock_of(sk, x);
	if (!sk)
		return;
	queue_err(x, sk, 3);
}

void free_two(struct sock *sk, void **x, int n)
{
	for (int i = 0; i < n; i++) {
		struct sock *s = sock_of(sk, x[i]);

		if (s)
			drop(x[i]);
	}
}
