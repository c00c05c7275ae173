/* Open-addressing hash tables: 64-bit key -> int, and string -> int. */
#ifndef KLP_CCP_MAPS_H
#define KLP_CCP_MAPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct u64map {
	uint64_t *keys;
	int *vals;		/* -1: empty slot */
	size_t cap, n;
};

/* Several values may share a key: iterate with *pos starting at 0. */
void u64map_add(struct u64map *m, uint64_t key, int val);
bool u64map_next(const struct u64map *m, uint64_t key, size_t *pos, int *val);
void u64map_release(struct u64map *m);

struct strmap {
	char **keys;		/* borrowed */
	int *vals;
	uint32_t *hashes;	/* hash_str() of each key, low bits */
	size_t cap, n;
};

/* Returns the previous value or -1; key must outlive the map. */
int strmap_put(struct strmap *m, const char *key, int val);
int strmap_get(const struct strmap *m, const char *key);	/* -1 */
/* strmap_get(), and when that is -1, strmap_put() of val: one look-up. */
int strmap_get_or_put(struct strmap *m, const char *key, int val);
/* The stored key equal to the len bytes at s (no NUL needed), and *val; NULL: none. */
const char *strmap_key_n(const struct strmap *m, const char *s, size_t len, int *val);
void strmap_release(struct strmap *m);

uint64_t hash_str(const char *s);
uint64_t hash_n(const char *s, size_t len);	/* hash_str() of len bytes */

#endif
