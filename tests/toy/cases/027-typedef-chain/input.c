struct base {
	int a;
	int marker4127;
};
typedef struct base base_t;
typedef base_t alias_t;

int pu_f(alias_t *p)
{
	return p->a;
}
