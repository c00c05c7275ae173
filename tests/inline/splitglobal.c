/* splitback.c with may_stamp global: the target keeps its symbol, split
 * (may_stamp.part.0) and both parts inlined into complete_stamp and
 * tstamp_tx; only the clone dump shows the split. */
struct file;
struct socket { struct file *file; };
struct sock { struct socket *socket; int lock; long refs; };
extern int allow_data;
extern void lock_bh(int *lock);
extern void unlock_bh(int *lock);
extern int file_capable(struct file *file, int cap);
extern void drop(void *skb);
extern void queue_err(void *skb, struct sock *sk, int type);
extern void *clone_skb(void *skb);
int may_stamp(struct sock *sk, int tsonly);
void complete_stamp(void *skb, struct sock *sk);
void tstamp_tx(void *skb, struct sock *sk, int tsonly, int type);

int may_stamp(struct sock *sk, int tsonly)
{
	int ret;

	if (__builtin_expect(*(volatile int *)&allow_data || tsonly, 1))
		return 1;
	lock_bh(&sk->lock);
	ret = sk->socket && sk->socket->file && file_capable(sk->socket->file, 13);
	unlock_bh(&sk->lock);
	return ret;
}

void complete_stamp(void *skb, struct sock *sk)
{
	if (!may_stamp(sk, 0))
		goto err;
	if (__builtin_expect(sk->refs != 0, 1)) {
		sk->refs++;
		queue_err(skb, sk, 1);
		sk->refs--;
		return;
	}
err:
	drop(skb);
}

void tstamp_tx(void *skb, struct sock *sk, int tsonly, int type)
{
	if (!sk || !may_stamp(sk, tsonly))
		return;
	skb = clone_skb(skb);
	if (!skb)
		return;
	queue_err(skb, sk, type);
}
