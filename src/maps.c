/* Hash tables used by the index: no deletion, linear probing, power-of-two sizes. */
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/maps.h"
#include "klp-ccp/util.h"

static uint64_t mix(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	return k;
}

/*
 * Eight bytes a step (FNV-1a's byte a step made hashing a third of the
 * index's name look-ups); the multiply-xorshift steps of mix().
 */
uint64_t hash_n(const char *s, size_t len)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ len, w;

	for (; len >= 8; s += 8, len -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
	}
	for (w = 0; len; len--)
		w = (w << 8) | (unsigned char)s[len - 1];
	return mix(h ^ w);
}

uint64_t hash_str(const char *s)
{
	return hash_n(s, strlen(s));
}

static void u64map_grow(struct u64map *m)
{
	struct u64map n = { 0 };

	n.cap = m->cap ? m->cap * 2 : 256;
	n.keys = xcalloc(n.cap, sizeof(*n.keys));
	n.vals = xmalloc(n.cap * sizeof(*n.vals));
	for (size_t i = 0; i < n.cap; i++)
		n.vals[i] = -1;
	for (size_t i = 0; i < m->cap; i++)
		if (m->vals[i] >= 0)
			u64map_add(&n, m->keys[i], m->vals[i]);
	free(m->keys);
	free(m->vals);
	*m = n;
}

void u64map_add(struct u64map *m, uint64_t key, int val)
{
	size_t i;

	if ((m->n + 1) * 2 > m->cap)
		u64map_grow(m);
	for (i = mix(key) & (m->cap - 1); m->vals[i] >= 0; i = (i + 1) & (m->cap - 1))
		;
	m->keys[i] = key;
	m->vals[i] = val;
	m->n++;
}

bool u64map_next(const struct u64map *m, uint64_t key, size_t *pos, int *val)
{
	if (!m->cap)
		return false;
	for (size_t i = (mix(key) + *pos) & (m->cap - 1); m->vals[i] >= 0;
	     i = (i + 1) & (m->cap - 1)) {
		(*pos)++;
		if (m->keys[i] == key) {
			*val = m->vals[i];
			return true;
		}
	}
	return false;
}

void u64map_release(struct u64map *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof(*m));
}

/*
 * Each slot keeps its key's hash: growing does not hash again, and a probe
 * compares strings only when the hashes are equal.
 */
static size_t strmap_slot(const struct strmap *m, uint64_t h, const char *s, size_t len,
			  bool nul)
{
	size_t i;

	for (i = h & (m->cap - 1); m->keys[i]; i = (i + 1) & (m->cap - 1))
		if (m->hashes[i] == (uint32_t)h &&
		    (nul ? !strcmp(m->keys[i], s) : !strncmp(m->keys[i], s, len) && !m->keys[i][len]))
			break;
	return i;
}

static void strmap_grow(struct strmap *m)
{
	struct strmap n = { 0 };

	n.cap = m->cap ? m->cap * 2 : 256;
	n.keys = xcalloc(n.cap, sizeof(*n.keys));
	n.vals = xmalloc(n.cap * sizeof(*n.vals));
	n.hashes = xmalloc(n.cap * sizeof(*n.hashes));
	n.n = m->n;
	for (size_t i = 0; i < m->cap; i++) {
		size_t k;

		if (!m->keys[i])
			continue;
		for (k = m->hashes[i] & (n.cap - 1); n.keys[k]; k = (k + 1) & (n.cap - 1))
			;
		n.keys[k] = m->keys[i];
		n.vals[k] = m->vals[i];
		n.hashes[k] = m->hashes[i];
	}
	free(m->keys);
	free(m->vals);
	free(m->hashes);
	*m = n;
}

/* The slot of key, taken for it (without a value yet) unless *found. */
static size_t claim_slot(struct strmap *m, const char *key, bool *found)
{
	uint64_t h = hash_str(key);
	size_t i;

	/*
	 * Up to three quarters full: a probe compares the stored hashes first,
	 * so longer runs cost little, and the index's name maps are megabytes
	 * (kernel/fork.c's 38,179 names took 131,072 slots at one half)
	 */
	if ((m->n + 1) * 4 > m->cap * 3)
		strmap_grow(m);
	i = strmap_slot(m, h, key, 0, true);
	*found = m->keys[i] != NULL;
	if (!*found) {
		m->keys[i] = (char *)key;
		m->hashes[i] = (uint32_t)h;
		m->n++;
	}
	return i;
}

int strmap_put(struct strmap *m, const char *key, int val)
{
	bool found;
	size_t i = claim_slot(m, key, &found);
	int old = found ? m->vals[i] : -1;

	m->vals[i] = val;
	return old;
}

int strmap_get_or_put(struct strmap *m, const char *key, int val)
{
	bool found;
	size_t i = claim_slot(m, key, &found);

	if (found)
		return m->vals[i];
	m->vals[i] = val;
	return -1;
}

int strmap_get(const struct strmap *m, const char *key)
{
	size_t i;

	if (!m->cap)
		return -1;
	i = strmap_slot(m, hash_str(key), key, 0, true);
	return m->keys[i] ? m->vals[i] : -1;
}

const char *strmap_key_n(const struct strmap *m, const char *s, size_t len, int *val)
{
	size_t i;

	if (!m->cap)
		return NULL;
	i = strmap_slot(m, hash_n(s, len), s, len, false);
	if (!m->keys[i])
		return NULL;
	*val = m->vals[i];
	return m->keys[i];
}

void strmap_release(struct strmap *m)
{
	free(m->keys);
	free(m->vals);
	free(m->hashes);
	memset(m, 0, sizeof(*m));
}
