typedef unsigned long counter_t;
typedef struct { int a4216; } anon_t;

static counter_t espr_cnt;
static anon_t espr_anon;

static counter_t espr_get(anon_t *a)
{
	return a->a4216 + espr_cnt;
}

counter_t pu_f(void)
{
	espr_cnt++;
	return espr_get(&espr_anon);
}
