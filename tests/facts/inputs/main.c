/* Input of tests/facts/run.sh: links clones.c, dup_a.c and dup_b.c. */
#include <stdio.h>

int caller_one(const int *v, int n);
int use_cp1(int x);
int use_part1(const char *s);
int cold_fn(int x);
int weak_fn(int x);
int dup_a(int x);
int dup_b(int x);

void report_failure(const char *what, int x)
{
	fprintf(stderr, "%s: %d\n", what, x);
}

int main(int argc, char **argv)
{
	int v[2] = { argc, argc };

	return caller_one(v, 2) + use_cp1(argc) + use_part1(argv[0]) + cold_fn(argc) +
	       weak_fn(1) + dup_a(argc) + dup_b(argc);
}
