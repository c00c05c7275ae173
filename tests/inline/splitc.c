/* GCC splits update_clock (partial inlining): its callers inline the
 * skip test and call update_clock.part.0. */
struct rq { unsigned flags; int cpu; long clock, clock_task, nr; };
extern long clock_of(int);
extern void account(struct rq *, long);

void update_clock(struct rq *rq)
{
	long delta;

	if (rq->flags & 2)
		return;
	delta = clock_of(rq->cpu) - rq->clock;
	if (delta < 0)
		return;
	rq->clock += delta;
	if (rq->flags & 4) {
		long irq = clock_of(-1) - rq->clock_task;

		if (irq > delta)
			irq = delta;
		delta -= irq;
		account(rq, irq);
	}
	if (rq->flags & 8) {
		long steal = clock_of(-2);

		if (steal > delta)
			steal = delta;
		delta -= steal;
		account(rq, -steal);
	}
	rq->clock_task += delta;
	account(rq, delta);
}

void activate(struct rq *rq, int flags)
{
	if (!(flags & 1))
		update_clock(rq);
	rq->nr++;
}

void deactivate(struct rq *rq, int flags)
{
	if (!(flags & 1))
		update_clock(rq);
	rq->nr--;
}

void tick(struct rq *rq)
{
	update_clock(rq);
	account(rq, rq->nr);
}

long runtime(struct rq *rq)
{
	update_clock(rq);
	return rq->clock_task;
}
