/* Header static inlines with state of their own (tests/facts/header_state.sh). */
#define ONCE_FLAG() ({ static int __done; __done++; })

static inline int next_id(void)
{
	static int counter;	/* one per unit: the running one counts */
	return ++counter;
}

static inline int two_ids(void)	/* state only through next_id() */
{
	return next_id() * 10 + next_id();
}

static inline int table_at(int i)	/* read-only state: a copy is the same */
{
	static const int table[4] = { 3, 1, 4, 1 };
	return table[i & 3];
}

static inline int warn_once(void)	/* a macro body's flag stays private */
{
	return ONCE_FLAG();
}

static int hits;	/* a header's writable object: lp.c cannot bind it */
