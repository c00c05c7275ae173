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

/* Open addressing over indices into one file's list (-1: empty). */
struct seen {
	int *slot;
	uint32_t *hash;
	size_t cap;
};

/*
 * The table's hash of the identifier [p, p + n) of a text ending at end:
 * its first and last eight bytes (all of a short one) and its length, a
 * few instructions where hash_n() costs about 50 an identifier, as much as
 * lexing it (equal spellings are compared whole in the table).
 */
static uint32_t ident_hash(const char *p, size_t n, const char *end)
{
	uint64_t a = 0, b = 0, h;

	if (n >= 8) {
		memcpy(&a, p, 8);
		memcpy(&b, p + n - 8, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	} else if (end - p >= 8) {
		memcpy(&a, p, 8);
		a &= ~0ULL >> (64 - 8 * n);	/* the identifier's bytes only */
#endif
	} else {
		for (size_t i = 0; i < n; i++)
			a |= (uint64_t)(unsigned char)p[i] << (8 * i);
	}
	(void)end;
	h = (a * 0x9e3779b97f4a7c15ULL) ^ (b * 0xff51afd7ed558ccdULL) ^ n;
	h ^= h >> 29;
	return (uint32_t)(h ^ (h >> 32));
}

static size_t seen_find(const struct seen *s, const struct file_list *fl, uint32_t h,
			const char *p, size_t n)
{
	size_t i;

	for (i = h & (s->cap - 1); s->slot[i] >= 0; i = (i + 1) & (s->cap - 1)) {
		const struct spelling *sp = &fl->v[s->slot[i]];

		if (s->hash[i] == h && sp->len == n && !memcmp(fl->text + sp->start, p, n))
			break;
	}
	return i;
}

/* An empty table of cap slots (a power of two). */
static void seen_reset(struct seen *s, size_t cap)
{
	if (cap > s->cap) {
		free(s->slot);
		free(s->hash);
		s->slot = xmalloc(cap * sizeof(*s->slot));
		s->hash = xmalloc(cap * sizeof(*s->hash));
	}
	s->cap = cap;
	memset(s->slot, 0xff, cap * sizeof(*s->slot));
}

/* Twice the slots, the file's spellings so far entered again. */
static void seen_grow(struct seen *s, const struct file_list *fl)
{
	seen_reset(s, s->cap * 2);
	for (size_t k = 0; k < fl->n; k++) {
		const char *p = fl->text + fl->v[k].start;
		uint32_t h = ident_hash(p, fl->v[k].len, fl->text + fl->len);
		size_t i = seen_find(s, fl, h, p, fl->v[k].len);

		s->slot[i] = (int)k;
		s->hash[i] = h;
	}
}

/* Enters [p, p + n) as spelling number fl->n unless seen: true when new. */
static bool seen_add(struct seen *s, const struct file_list *fl, const char *p, size_t n)
{
	uint32_t h = ident_hash(p, n, fl->text + fl->len);
	size_t i = seen_find(s, fl, h, p, n);

	if (s->slot[i] >= 0)
		return false;
	s->slot[i] = (int)fl->n;
	s->hash[i] = h;
	return true;
}

static void lex_file(struct file_list *fl, struct seen *s)
{
	size_t pos = 0, st, n;

	seen_reset(s, 256);
	while (lex_next_ident(fl->text, fl->len, &pos, &st, &n)) {
		if (n >= 256 || !seen_add(s, fl, fl->text + st, n))
			continue;
		*ARRAY_PUSH(fl->v, fl->n, fl->cap) = (struct spelling){ (unsigned)st, (unsigned)n };
		if (fl->n * 2 > s->cap)
			seen_grow(s, fl);
	}
}

static void *lex_all(void *p)
{
	struct ident_lists *il = p;
	struct seen s = { 0 };

	for (size_t i = 0; i < il->n_files; i++)
		lex_file(&il->files[i], &s);
	free(s.slot);
	free(s.hash);
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
