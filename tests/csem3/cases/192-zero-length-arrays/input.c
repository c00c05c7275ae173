/* GNU zero-length arrays: a trailing [0] member, a [0] object, and sizeof
 * over them (0), in copied and externalized objects. */
struct pkt { int len; unsigned char data[0]; };

static struct { struct pkt p; unsigned char room[8]; } eu_buf = { { 3 }, { 7, 8, 9 } };
static int eu_none[0];

int pu_f(int x)
{
	struct pkt *p = &eu_buf.p;

	p->data[0] = (unsigned char)x;
	return p->len * 1000 + p->data[0] * 10 + p->data[1] + (int)sizeof(struct pkt) * 100000 +
	       (int)sizeof(eu_none) + (eu_none == eu_none);
}
