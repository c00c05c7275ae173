/* Distinct identifiers per file, lexed on a second thread (idents.h). */
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/idents.h"
#include "klp-ccp/lexer.h"
#include "klp-ccp/maps.h"
#include "klp-ccp/model.h"
#include "klp-ccp/util.h"

struct file_list {
	const char *text;
	size_t len;
	struct spelling *v;
	size_t n, cap;
};

struct ident_lists {
	struct file_list *files;
	size_t n_files;
	pthread_t thread;
	bool running, done;
};

/*
 * An identifier as the table compares it: its first and last eight bytes
 * (all of a short one, the rest zero) and its length. Up to 16 bytes they
 * are the whole spelling, so most identifiers are compared in two words,
 * not by memcmp().
 */
struct ident_key {
	uint64_t a, b;
	uint32_t len;
};

/* Open addressing over indices into one file's list (idx -1: empty). */
struct seen_slot {
	struct ident_key k;
	int idx;
};

struct seen {
	struct seen_slot *slot;
	size_t cap;
};

/* The key of the identifier [p, p + n) of a text ending at end. */
static inline struct ident_key ident_key(const char *p, size_t n, const char *end)
{
	struct ident_key k = { 0, 0, (uint32_t)n };

	if (n >= 8) {
		memcpy(&k.a, p, 8);
		memcpy(&k.b, p + n - 8, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	} else if (end - p >= 8) {
		memcpy(&k.a, p, 8);
		k.a &= ~0ULL >> (64 - 8 * n);	/* the identifier's bytes only */
#endif
	} else {
		for (size_t i = 0; i < n; i++)
			k.a |= (uint64_t)(unsigned char)p[i] << (8 * i);
	}
	(void)end;
	return k;
}

/* A few instructions, where hash_n() costs about 50 an identifier. */
static inline uint32_t key_hash(const struct ident_key *k)
{
	uint64_t h = (k->a * 0x9e3779b97f4a7c15ULL) ^ (k->b * 0xff51afd7ed558ccdULL) ^ k->len;

	h ^= h >> 29;
	return (uint32_t)(h ^ (h >> 32));
}

static bool same_ident(const struct ident_key *x, const struct ident_key *y, const char *px,
		       const char *py)
{
	return x->a == y->a && x->b == y->b && x->len == y->len &&
	       (x->len <= 16 || !memcmp(px, py, x->len));
}

static size_t seen_find(const struct seen *s, const struct file_list *fl,
			const struct ident_key *k, const char *p)
{
	size_t i;

	for (i = key_hash(k) & (s->cap - 1); s->slot[i].idx >= 0; i = (i + 1) & (s->cap - 1)) {
		const struct seen_slot *sl = &s->slot[i];

		if (same_ident(&sl->k, k, fl->text + fl->v[sl->idx].start, p))
			break;
	}
	return i;
}

/* An empty table of cap slots (a power of two). */
static void seen_reset(struct seen *s, size_t cap)
{
	if (cap > s->cap) {
		free(s->slot);
		s->slot = xmalloc(cap * sizeof(*s->slot));
	}
	s->cap = cap;
	for (size_t i = 0; i < cap; i++)
		s->slot[i].idx = -1;
}

/* Twice the slots, the file's spellings so far (distinct) entered again. */
static void seen_grow(struct seen *s, const struct file_list *fl)
{
	seen_reset(s, s->cap * 2);
	for (size_t k = 0; k < fl->n; k++) {
		const char *p = fl->text + fl->v[k].start;
		struct ident_key key = ident_key(p, fl->v[k].len, fl->text + fl->len);
		size_t i;

		for (i = key_hash(&key) & (s->cap - 1); s->slot[i].idx >= 0; i = (i + 1) & (s->cap - 1))
			;
		s->slot[i] = (struct seen_slot){ key, (int)k };
	}
}

/* Enters [p, p + n) as spelling number fl->n unless seen: true when new. */
static bool seen_add(struct seen *s, const struct file_list *fl, const char *p, size_t n)
{
	struct ident_key key = ident_key(p, n, fl->text + fl->len);
	size_t i = seen_find(s, fl, &key, p);

	if (s->slot[i].idx >= 0)
		return false;
	s->slot[i] = (struct seen_slot){ key, (int)fl->n };
	return true;
}

static void lex_file(struct file_list *fl, struct seen *s)
{
	struct spelling batch[256];
	size_t pos = 0, n;

	seen_reset(s, 256);
	while ((n = lex_idents(fl->text, fl->len, &pos, batch, 256))) {
		for (size_t k = 0; k < n; k++) {
			if (batch[k].len >= 256 ||
			    !seen_add(s, fl, fl->text + batch[k].start, batch[k].len))
				continue;
			*ARRAY_PUSH(fl->v, fl->n, fl->cap) = batch[k];
			if (fl->n * 2 > s->cap)
				seen_grow(s, fl);
		}
	}
}

static void *lex_all(void *p)
{
	struct ident_lists *il = p;
	struct seen s = { 0 };

	for (size_t i = 0; i < il->n_files; i++)
		lex_file(&il->files[i], &s);
	free(s.slot);
	return NULL;
}

struct ident_lists *idents_start(const struct model *m)
{
	struct ident_lists *il = xcalloc(1, sizeof(*il));
	sigset_t all, old;

	il->n_files = m->n_files;
	il->files = xcalloc(m->n_files + 1, sizeof(*il->files));
	for (size_t i = 0; i < m->n_files; i++) {
		il->files[i].text = m->files[i].text;
		il->files[i].len = m->files[i].len;
	}
	/* signals stay with the threads that handle them (cleanup, hooks) */
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	il->running = !pthread_create(&il->thread, NULL, lex_all, il);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return il;
}

static void finish(struct ident_lists *il)
{
	if (il->done)
		return;
	if (il->running)
		pthread_join(il->thread, NULL);
	else
		lex_all(il);
	il->running = false;
	il->done = true;
}

const struct spelling *idents_of(struct ident_lists *il, int f, size_t *n)
{
	finish(il);
	*n = il->files[f].n;
	return il->files[f].v;
}

bool idents_may_have(struct ident_lists *il, int f, const char *text, const char *name)
{
	size_t len = strlen(name), n;
	const struct spelling *sp;

	if (!il || f < 0 || (size_t)f >= il->n_files || len >= 256)
		return true;
	sp = idents_of(il, f, &n);
	for (size_t i = 0; i < n; i++)
		if (sp[i].len == len && !memcmp(text + sp[i].start, name, len))
			return true;
	return false;
}

void idents_release(struct ident_lists *il)
{
	if (!il)
		return;
	finish(il);
	for (size_t i = 0; i < il->n_files; i++)
		free(il->files[i].v);
	free(il->files);
	free(il);
}
