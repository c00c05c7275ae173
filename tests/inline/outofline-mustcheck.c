/* tests/inline/outofline.sh: adjust is __must_check (warn_unused_result)
 * and kept out of line; lp.c's never-called caller of its copy must use
 * the result, or -Werror=unused-result stops the build. */
extern void note(long);

struct hdr { long mac, net, tr, inner_mac, inner_net, inner_tr, csum, tail, end; unsigned flags; };

__attribute__((warn_unused_result)) long adjust(struct hdr *h, int off)
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
	for (int i = 0; i < h->tail; i++)
		note(h->csum * i + h->inner_tr);
	if (h->flags & 16)
		note(h->inner_mac ^ h->net);
	if (h->flags & 32)
		note(h->inner_net - h->tr);
	return h->mac;
}

long cut(struct hdr *h, long size)
{
	note(size);
	return adjust(h, 2) + size;
}

long widen(struct hdr *h, int n) { return adjust(h, n); }
long narrow(struct hdr *h, int n) { note(h->flags); return adjust(h, -n); }
long twice(struct hdr *h, int n) { return adjust(h, n * 2) + adjust(h, n + 3); }
long put1(struct hdr *h, int n) { return adjust(h, n + 7) + h->csum; }
long put2(struct hdr *h, int n) { return adjust(h, n - 9) + h->tail; }
long put3(struct hdr *h, int n) { return adjust(h, n * 3) + h->end; }
