/* refused by the toy may-include-header: its declarations are copied */
#define __acq(x)
#define __rel(x)
struct lk { int v; };

int pu_lock(struct lk *l)
	__acq(l->v);

int pu_unlock(struct lk *l)
	__acq(l->v)
	__rel(l->v);

static inline int lk_use(struct lk *l)
{
	return pu_lock(l) + pu_unlock(l);
}
