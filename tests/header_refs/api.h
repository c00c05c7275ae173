/* Header inlines calling global functions no report would list otherwise. */
extern int hidden_counter;
extern void hidden_unlink(int *p);
extern int hidden_size_only(void);
extern int hidden_direct(int x);

static inline void deep_unlink(int *p)
{
	if (*p)
		hidden_unlink(p);	/* two inlines down from the copied code */
	hidden_counter++;
}

static inline void do_unlink(int *p)
{
	(void)sizeof(hidden_size_only());	/* unevaluated: no reference */
	deep_unlink(p);
}
