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
	    (cw->n == CALL_ARGS_ANY || clang_Cursor_getNumArguments(c) == cw->n))
		for (int i = 0; i < clang_Cursor_getNumArguments(c); i++)
			cw->fn(cw->ctx, c, i, clang_Cursor_getArgument(c, (unsigned)i));
	return CXChildVisit_Recurse;
}

void call_args_each(CXCursor body, CXCursor callee, int n, call_arg_fn *fn, void *ctx)
{
	struct call_walk cw = { callee, n, fn, ctx };

	clang_visitChildren(body, visit_call, &cw);
}

static enum CXChildVisitResult first_child(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	*(CXCursor *)data = c;
	return CXChildVisit_Break;
}

/* The parameter of fn an argument passes unchanged (through implicit casts), or -1. */
static int passed_parameter(CXCursor arg, CXCursor fn)
{
	CXCursor ref;

	while (clang_getCursorKind(arg) == CXCursor_UnexposedExpr ||
	       clang_getCursorKind(arg) == CXCursor_ParenExpr) {
		CXCursor only = clang_getNullCursor();

		clang_visitChildren(arg, first_child, &only);
		if (clang_Cursor_isNull(only))
			return -1;
		arg = only;
	}
	if (clang_getCursorKind(arg) != CXCursor_DeclRefExpr)
		return -1;
	ref = clang_getCursorReferenced(arg);
	for (int i = 0; i < clang_Cursor_getNumArguments(fn); i++)
		if (clang_equalCursors(ref, clang_Cursor_getArgument(fn, (unsigned)i)))
			return i;
	return -1;
}

struct through_walk {
	struct call_walk outer;
	CXCursor inline_def, inline_call;
};

/* An argument of the callee's call inside the inline, as the inline's call gives it. */
static void through_argument(void *ctx, CXCursor call, int i, CXCursor arg)
{
	struct through_walk *tw = ctx;
	int p = passed_parameter(arg, tw->inline_def);

	(void)call;
	if (p < 0 || p >= clang_Cursor_getNumArguments(tw->inline_call))
		arg = clang_getNullCursor();
	else
		arg = clang_Cursor_getArgument(tw->inline_call, (unsigned)p);
	tw->outer.fn(tw->outer.ctx, tw->inline_call, i, arg);
}

static enum CXChildVisitResult visit_inline_call(CXCursor c, CXCursor parent, CXClientData data)
{
	struct call_walk *cw = data;
	struct through_walk tw = { *cw, clang_getNullCursor(), c };
	CXCursor ref;

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_CallExpr)
		return CXChildVisit_Recurse;
	ref = clang_getCursorReferenced(c);
	if (clang_Cursor_isNull(ref) || clang_equalCursors(clang_getCanonicalCursor(ref), cw->callee))
		return CXChildVisit_Recurse;
	tw.inline_def = clang_getCursorDefinition(ref);
	if (clang_getCursorKind(tw.inline_def) == CXCursor_FunctionDecl &&
	    clang_Cursor_isFunctionInlined(tw.inline_def) &&
	    !clang_Location_isFromMainFile(clang_getCursorLocation(tw.inline_def)))
		call_args_each(tw.inline_def, cw->callee, cw->n, through_argument, &tw);
	return CXChildVisit_Recurse;
}

void call_args_through_each(CXCursor body, CXCursor callee, int n, call_arg_fn *fn, void *ctx)
{
	struct call_walk cw = { callee, n, fn, ctx };

	call_args_each(body, callee, n, fn, ctx);
	clang_visitChildren(body, visit_inline_call, &cw);
}
