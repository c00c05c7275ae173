/* splitself.sh: GCC splits the static copy_items (its callers make it
 * worth it: partial inlining), inlines the head into none of them and takes
 * the part back into the head: the target has copy_items whole, only the
 * clone dump tells of the split. */
struct node { struct node *next, *prev; };
struct item { unsigned int major, minor; short type, access; struct node list; };
extern void *dup(const void *p, unsigned long n);
extern void release(void *p);

static inline void add_tail(struct node *n, struct node *head)
{
	struct node *prev = head->prev;

	head->prev = n;
	n->next = head;
	n->prev = prev;
	prev->next = n;
}

static inline void del(struct node *n)
{
	n->next->prev = n->prev;
	n->prev->next = n->next;
	n->next = (struct node *)0x100;
	n->prev = (struct node *)0x122;
}

#define item_of(p) ((struct item *)((char *)(p) - __builtin_offsetof(struct item, list)))

static int copy_items(struct node *dest, struct node *orig)
{
	struct node *p, *t;

	for (p = orig->next; p != orig; p = p->next) {
		struct item *new = dup(item_of(p), sizeof(struct item));

		if (!new)
			goto free_and_exit;
		add_tail(&new->list, dest);
	}
	return 0;

free_and_exit:
	for (p = dest->next, t = p->next; p != dest; p = t, t = p->next) {
		del(p);
		release(item_of(p));
	}
	return -12;
}

int css_alloc(struct node *dest, struct node *parent)
{
	dest->next = dest->prev = dest;
	return copy_items(dest, parent);
}

int update(struct node *dest, struct node *a, struct node *b, int which)
{
	int rc = copy_items(dest, a);

	if (rc || !which)
		return rc;
	return copy_items(dest, b);
}
