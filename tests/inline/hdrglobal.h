/* Header inlines calling global functions hdrglobal.c defines. */
struct node { struct node *next; int v; };
extern void drop_one(struct node *n, int why);
void drop_list_why(struct node *n, int why);
void count_list_why(struct node *n, int why);
static inline void drop_list(struct node *n)
{
	drop_list_why(n, 0);
}
static inline void count_list(struct node *n)
{
	count_list_why(n, 1);
}
