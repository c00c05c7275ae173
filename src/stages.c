/*
 * The planning stages in their order, closure -> headers (-> naming, then
 * emit, see main.c), driven from here so that no stage calls another: each
 * reads what the previous ones left in the model and returns its own
 * answer. Closure and headers take turns until neither adds anything:
 * headers included after declarations of the copied file need those
 * declarations (headers_context_pass(): plain lists of units, entities,
 * macros, walked by the next closure round), and headers that clash with
 * the output (headers_resolve_clashes()) are refused, after which the
 * closure walks again from the patched set without them; so it does with
 * functions whose address turned out taken (closure_address_taken()).
 */
#include "klp-ccp/closure.h"

/* Closure and headers' context, round after round, until nothing is new. */
static int walk_with_context(struct closure *c, struct model *m, struct policy *pol)
{
	struct context_ctx cx = { 0 };
	int rc = closure_walk(c, NULL);

	while (rc > 0) {
		struct walk_roots roots;

		if (headers_context_pass(m, pol, &cx)) {
			rc = -1;
			break;
		}
		roots = (struct walk_roots){ cx.units, cx.ents, cx.macros,
					     cx.n_units, cx.n_ents, cx.n_macros };
		rc = closure_walk(c, &roots);
	}
	context_ctx_release(&cx);
	return rc < 0 ? -1 : 0;
}

int stages_closure_headers(struct model *m, struct policy *pol,
			   const struct closure_request *req)
{
	struct closure *c = closure_begin(m, pol, req);
	int rc;

	if (!c)
		return -1;
	/* each round refuses at least one header, so this ends */
	while (!(rc = walk_with_context(c, m, pol)) &&
	       ((rc = headers_resolve_clashes(m, pol, req->facts, req->own)) > 0 ||
		(rc = closure_address_taken(c)) > 0))
		closure_restart(c);
	return closure_end(c, rc < 0 ? -1 : 0);
}
