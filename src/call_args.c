/*
 * The arguments of a function's direct calls in a body (see call_args.h).
 */
#include "klp-ccp/call_args.h"

struct call_walk {
	CXCursor callee;
	int n;
	call_arg_fn *fn;
	void *ctx;
};

static enum CXChildVisitResult visit_call(CXCursor c, CXCursor parent, CXClientData data)
{
	struct call_walk *cw = data;
	CXCursor ref;

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_CallExpr)
		return CXChildVisit_Recurse;
	ref = clang_getCursorReferenced(c);
	if (!clang_Cursor_isNull(ref) &&
	    clang_equalCursors(clang_getCanonicalCursor(ref), cw->callee) &&
	    clang_Cursor_getNumArguments(c) == cw->n)
		for (int i = 0; i < cw->n; i++)
			cw->fn(cw->ctx, c, i, clang_Cursor_getArgument(c, (unsigned)i));
	return CXChildVisit_Recurse;
}

void call_args_each(CXCursor body, CXCursor callee, int n, call_arg_fn *fn, void *ctx)
{
	struct call_walk cw = { callee, n, fn, ctx };

	clang_visitChildren(body, visit_call, &cw);
}
