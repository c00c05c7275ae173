#ifndef COUNTER_H
#define COUNTER_H

#include <stddef.h>

#define COUNTER_MAX 64

struct counter {
	const char *name;
	unsigned long hits;
};

int counter_bump(const char *name);
size_t counter_count(void);

#endif
