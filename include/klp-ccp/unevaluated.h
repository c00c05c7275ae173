/*
 * Which operands of an expression emit no code (C11 6.5.3.4, GNU typeof,
 * __builtin_choose_expr, __builtin_types_compatible_p, a folded condition's
 * dead arm): what they name needs a declaration only, never a copy or an
 * externalization (closure.c).
 */
#ifndef KLP_CCP_UNEVALUATED_H
#define KLP_CCP_UNEVALUATED_H

#include <stdbool.h>
#include <clang-c/Index.h>

struct model;

/* What the walk remembers of one cursor to judge its children. */
struct uneval_parent {
	struct model *m;	/* its files' texts (model.h) */
	CXCursor cursor;
	CXCursor first;		/* first child: a condition */
	int n_children;		/* -1 until counted */
	int last_expr;		/* index of the last expression child */
	int n_expr;
	int cond;		/* first child's truth value: 1, 0, -1 not constant, -2 unknown */
	int folded;		/* cursor is an integer constant: 1, 0, -2 unknown */
	int selected;		/* _Generic: the selected association, -1 unknown, -2 not asked */
};

void uneval_parent_init(struct uneval_parent *p, CXCursor c, struct model *m);

/* Is child number index of p (visited in order) an unevaluated operand? */
bool uneval_child(struct uneval_parent *p, CXCursor child, unsigned index);

#endif
