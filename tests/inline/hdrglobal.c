#include "hdrglobal.h"

static int counted;	/* internal: count_list_why cannot be an extern inline body */

void drop_list_why(struct node *n, int why)
{
	while (n) {
		struct node *next = n->next;

		drop_one(n, why);
		n = next;
	}
}

void count_list_why(struct node *n, int why)
{
	for (; n; n = n->next)
		counted += n->v + why;
}

int trim(struct node *head, int keep)
{
	struct node *n = head;

	while (n && keep-- > 0)
		n = n->next;
	if (!n)
		return 0;
	drop_list(n->next);
	n->next = 0;
	return 1;
}

int tally(struct node *head)
{
	count_list(head);
	return counted;
}

int other(struct node *head)
{
	drop_list(head);
	return counted;
}
