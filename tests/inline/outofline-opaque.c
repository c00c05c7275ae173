/* tests/inline/outofline.sh: shift is global, kept out of line by GCC
 * (callers passing various offsets); carve passes 0. lp.c copies shift as a
 * static klpr_shift called by klpp_carve alone: GCC would propagate the 0
 * into it (noclone stops only a clone), find it does nothing and drop the
 * call; a never-called caller passing unknown values keeps it general. */
struct hdr { long mac, net, tr, inner_mac, inner_net, inner_tr, csum, tail, end; unsigned flags; };
extern void note(long);

void shift(struct hdr *h, int off)
{
	h->mac += off;
	h->net += off;
	h->tr += off;
	if (h->flags & 4) {
		h->inner_mac += off;
		h->inner_net += off;
		h->inner_tr += off;
	}
	if (h->flags & 8)
		h->csum += off;
	h->tail += off;
	h->end += off;
	for (int i = 0; i < off; i++)
		note(h->end + i * h->tail);
}

long carve(struct hdr *h, long size)
{
	note(size);
	shift(h, 0);
	h->flags &= ~4u;
	return h->mac + size;
}

long grow(struct hdr *h, int n) { shift(h, n); return h->net; }
long trim(struct hdr *h, int n) { shift(h, -n); note(h->tr); return h->tr; }
void pull(struct hdr *h, int n) { shift(h, n * 2); shift(h, n + 3); note(h->flags); }
long put1(struct hdr *h, int n) { shift(h, n + 7); return h->csum; }
long put2(struct hdr *h, int n) { shift(h, n - 9); return h->tail; }
long put3(struct hdr *h, int n) { shift(h, n * 3); return h->end; }
