typedef int (*cb_t)(int);

int eu_cb(int x)
{
	return x + 4166;
}

static int esp_cb(int x)
{
	return x + 5166;
}

int eu_run(cb_t cb, int x)
{
	return cb(x);
}

int pu_f(int x)
{
	cb_t p = &eu_cb;

	return eu_run(eu_cb, x) + eu_run(esp_cb, x) + p(x);
}
