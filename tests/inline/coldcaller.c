/* coldcaller.sh: obj_put, declared inline, has many callers in the unit;
 * drop, a static the target inlines into patched and use_drop, calls it.
 * A livepatch of patched copies drop and obj_put, which lp.c calls once. */
struct obj { int refs; struct obj *next; long data[4]; };
void obj_free(struct obj *o);
void log_it(long v);

static inline void obj_put(struct obj *o)
{
	if (o && !--o->refs) {
		log_it(o->data[0] + o->data[1] * o->data[2]);
		obj_free(o);
	}
}

static int drop(struct obj *o, int n)
{
	obj_put(o->next);
	return n + o->refs;
}

int patched(struct obj *o)
{
	return drop(o, 1);
}

int use_drop(struct obj *o)
{
	return drop(o, 2) + drop(o->next, 3);
}

void other1(struct obj *o) { obj_put(o); }
void other2(struct obj *o) { obj_put(o->next); obj_put(o); }
void other3(struct obj *o) { if (o->refs > 2) obj_put(o); }
