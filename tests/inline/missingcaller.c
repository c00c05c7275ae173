/* missingcaller.sh: fin has three callers in the target, passing 8 and 7:
 * GCC keeps it general and inlines it into each, the loop count known there.
 * A livepatch of whole copies fin and final8 (inlined into whole), whose
 * calls pass fin only 8. */
struct st { unsigned int state[8]; unsigned long long count; unsigned char buf[64]; };
void upd(struct st *s, const unsigned char *d, unsigned int n);
void init(struct st *s);
void final8(struct st *s, unsigned char *out);
void final7(struct st *s, unsigned char *out);
void whole(const unsigned char *d, unsigned int n, unsigned char *out);

static void fin(struct st *s, unsigned char *out, int words)
{
	unsigned int *dst = (unsigned int *)out;
	unsigned long long bits = __builtin_bswap64(s->count << 3);
	unsigned int index = s->count & 0x3f, pad = index < 56 ? 56 - index : 120 - index;
	static const unsigned char padding[64] = { 0x80, };
	int i;

	upd(s, padding, pad);
	upd(s, (const unsigned char *)&bits, sizeof(bits));
	for (i = 0; i < words; i++)
		dst[i] = __builtin_bswap32(s->state[i]);
	__builtin_memset(s, 0, sizeof(*s));
	__asm__ __volatile__("" : : "r"(s) : "memory");
}

void final8(struct st *s, unsigned char *out)
{
	fin(s, out, 8);
}

void final7(struct st *s, unsigned char *out)
{
	fin(s, out, 7);
}

void whole(const unsigned char *d, unsigned int n, unsigned char *out)
{
	struct st s;

	init(&s);
	upd(&s, d, n);
	final8(&s, out);
}

/* rel is inlined everywhere in the target too, also into drop2, which a
 * livepatch of drop1 lacks; drop1's call passes no constant: nothing for
 * GCC to specialize, so lp.c gets no never-called caller of rel, which
 * would only make GCC weigh rel by size where drop1's is its only call. */
struct node { struct node *next; int refs; };
void node_free(struct node *n);

static int rel(struct node *n, int *count)
{
	int left = 0;

	if (n && !--n->refs) {
		node_free(n);
		left = 1;
	}
	*count += left;
	return left;
}

int drop1(struct node *n, int *count)
{
	return rel(n, count);
}

int drop2(struct node *n, int *count)
{
	return rel(n->next, count) + rel(n, count);
}
