/* A small program to try klp-ccp on: patch counter_bump(). */
#include <stdio.h>
#include <string.h>

#include "counter.h"

#define NAME_EQ(a, b) (strcmp((a), (b)) == 0)

static struct counter counters[COUNTER_MAX];
static size_t n_counters;
static unsigned long total_hits;

static struct counter *counter_find(const char *name)
{
	for (size_t i = 0; i < n_counters; i++)
		if (NAME_EQ(counters[i].name, name))
			return &counters[i];
	return NULL;
}

static void log_overflow(const char *name)
{
	fprintf(stderr, "counter table full, dropping %s\n", name);
}

int counter_bump(const char *name)
{
	struct counter *c = counter_find(name);

	if (!c) {
		if (n_counters == COUNTER_MAX) {
			log_overflow(name);
			return -1;
		}
		c = &counters[n_counters++];
		c->name = name;
	}
	c->hits++;
	total_hits++;
	return 0;
}

size_t counter_count(void)
{
	return n_counters;
}

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		counter_bump(argv[i]);
	printf("%zu counters, %lu hits\n", counter_count(), total_hits);
	return 0;
}
