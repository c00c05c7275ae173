/*
 * Unevaluated operands, from the shape of the libclang AST. libclang does
 * not say which operand is unevaluated, so each rule reads the parent's
 * kind and the child's position:
 *   sizeof/_Alignof (UnaryExpr)     the operand, unless the result is not a
 *                                    constant (a variably modified type)
 *   typeof in a declaration or cast  the ParenExpr before the last
 *                                    expression child (initializer, operand)
 *   __builtin_types_compatible_p     ParenExpr (typeof) children of an
 *                                    integer constant that starts before them
 *   __builtin_choose_expr, ?:, if   the arm a constant condition drops (and
 *                                    no goto enters: it holds no label)
 *   && and || (written out)          the right operand a constant left one
 *                                    short-circuits
 *   _Generic                         the controlling expression, and the
 *                                    associations not selected (read from
 *                                    the type names, generic_sel.c, else
 *                                    those of another type than the
 *                                    selection's)
 * A condition counts as constant only without calls: GCC decides
 * __builtin_constant_p and __builtin_object_size after inlining, where
 * clang folds them at once.
 */
#include <string.h>

#include "klp-ccp/generic_sel.h"
#include "klp-ccp/model.h"
#include "klp-ccp/unevaluated.h"

void uneval_parent_init(struct uneval_parent *p, CXCursor c, struct model *m)
{
	memset(p, 0, sizeof(*p));
	p->m = m;
	p->cursor = c;
	p->first = clang_getNullCursor();
	p->n_children = -1;
	p->cond = -2;
	p->folded = -2;
	p->selected = -2;
}

static enum CXChildVisitResult count_child(CXCursor c, CXCursor parent, CXClientData data)
{
	struct uneval_parent *p = data;

	(void)parent;
	if (clang_isExpression(clang_getCursorKind(c)))
		p->last_expr = p->n_children, p->n_expr++;
	p->n_children++;
	return CXChildVisit_Continue;
}

static void count_children(struct uneval_parent *p)
{
	if (p->n_children >= 0)
		return;
	p->n_children = 0;
	p->last_expr = -1;
	clang_visitChildren(p->cursor, count_child, p);
}

/* 1 or 0 when c is an integer constant (nonzero or zero), else -1. */
static int int_constant(CXCursor c)
{
	CXEvalResult r = clang_Cursor_Evaluate(c);
	int v = -1;

	if (r && clang_EvalResult_getKind(r) == CXEval_Int)
		v = clang_EvalResult_getAsLongLong(r) != 0;
	if (r)
		clang_EvalResult_dispose(r);
	return v;
}

static int condition_value(struct uneval_parent *p)
{
	if (p->cond != -2)
		return p->cond;
	p->cond = -1;
	if (clang_Cursor_isNull(p->first) || clang_getCursorKind(p->first) == CXCursor_CallExpr)
		return p->cond;
	if (!cursor_has_descendant(p->first, CXCursor_CallExpr))
		p->cond = int_constant(p->first);
	return p->cond;
}

/*
 * Arms 1 and 2 after a condition: the one its constant value drops, unless
 * a goto can enter it ("if (0) { undo: ... }" error paths).
 */
static bool dead_arm(struct uneval_parent *p, CXCursor child, unsigned index)
{
	int v;

	if (index != 1 && index != 2)
		return false;
	v = condition_value(p);
	if (v < 0 || (index == 1 ? v != 0 : v != 1))
		return false;
	if (clang_getCursorKind(child) == CXCursor_LabelStmt)
		return false;
	return !cursor_has_descendant(child, CXCursor_LabelStmt);
}

static bool folded(struct uneval_parent *p)
{
	if (p->folded == -2)
		p->folded = int_constant(p->cursor) >= 0;
	return p->folded == 1;
}

/* Is c's type written "typeof (...)" (clang's spelling of typeof and __typeof__)? */
static bool mentions_typeof(CXCursor c)
{
	CXString s = clang_getTypeSpelling(clang_getCursorType(c));
	const char *t = clang_getCString(s), *p = t;
	bool found = false;

	while (!found && (p = strstr(p, "typeof (")) != NULL) {
		found = p == t || p[-1] == ' ';
		p++;
	}
	clang_disposeString(s);
	return found;
}

/*
 * An expression child of a declaration or cast that belongs to its type
 * (typeof, an array bound), not the initializer or cast operand, which is
 * the last expression child; without an initializer the only one may be a
 * typeof.
 */
static bool type_part(struct uneval_parent *p, CXCursor child, unsigned index)
{
	enum CXCursorKind pk = clang_getCursorKind(p->cursor);

	if (!clang_isExpression(clang_getCursorKind(child)))
		return false;
	if (pk != CXCursor_VarDecl && pk != CXCursor_CStyleCastExpr &&
	    pk != CXCursor_CompoundLiteralExpr)
		return true;	/* a typedef, field, parameter or function type */
	if (clang_getCursorType(p->cursor).kind == CXType_VariableArray)
		return false;	/* its bound is computed at run time */
	count_children(p);
	if ((int)index != p->last_expr)
		return true;
	return pk == CXCursor_VarDecl && p->n_expr == 1 &&
	       clang_getCursorKind(child) == CXCursor_ParenExpr && mentions_typeof(p->cursor);
}

/*
 * Does parent's text start before child's? Never for the implicit casts
 * libclang also shows as UnexposedExpr.
 */
static bool wider(CXCursor parent, CXCursor child)
{
	unsigned a, b;

	clang_getFileLocation(clang_getRangeStart(clang_getCursorExtent(parent)), NULL, NULL, NULL, &a);
	clang_getFileLocation(clang_getRangeStart(clang_getCursorExtent(child)), NULL, NULL, NULL, &b);
	return a < b;
}

/*
 * "&&" or "||" when that is all the text between the operands of binary
 * operator p (written out, not made by a macro body), else "". The text is
 * the model's: clang_getFileContents() scans the whole source location table
 * for the file on every call (44 M instructions on kernel/fork.c).
 */
static const char *logical_operator(struct uneval_parent *p, CXCursor left, CXCursor right)
{
	int f1, f2;
	unsigned a, b;
	const char *t;

	if (!model_locate(p->m, clang_getRangeStart(clang_getCursorExtent(right)), &f2, &b) ||
	    b > p->m->files[f2].len)
		return "";
	t = p->m->files[f2].text;
	while (b > 0 && strchr(" \t\r\n", t[b - 1]))
		b--;
	/* most operators are no "&&" or "||": the left operand's extent only then */
	if (b < 2 || t[b - 1] != t[b - 2] || (t[b - 1] != '&' && t[b - 1] != '|'))
		return "";
	if (!model_locate(p->m, clang_getRangeEnd(clang_getCursorExtent(left)), &f1, &a) ||
	    f1 != f2 || a >= b)
		return "";
	while (a < b && strchr(" \t\r\n", t[a]))
		a++;
	if (b - a != 2 || t[a] != t[a + 1])
		return "";
	return t[a] == '&' ? "&&" : t[a] == '|' ? "||" : "";
}

/* The right operand of "0 && x" or "1 || x". */
static bool short_circuited(struct uneval_parent *p, CXCursor child, unsigned index)
{
	const char *op;
	int v;

	if (index != 1 || clang_Cursor_isNull(p->first))
		return false;
	op = logical_operator(p, p->first, child);
	if (!*op)
		return false;
	v = condition_value(p);
	return v >= 0 && v == (op[0] == '|');
}

/*
 * A _Generic association other than the selected one. libclang does not
 * say which one that is: generic_sel.c reads it from the written type names
 * when they are plain; else an association whose type is not the
 * selection's (which is the selected expression's type) is not the
 * selected one, and those of the selection's type stay evaluated.
 */
static bool unselected(struct uneval_parent *p, CXCursor child, unsigned index)
{
	if (!clang_isExpression(clang_getCursorKind(child)))
		return false;
	if (p->selected == -2) {
		count_children(p);
		p->selected = p->n_expr == p->n_children && p->n_expr > 1 ?
			generic_selected(p->m, p->cursor, p->first, p->n_expr - 1) : -1;
	}
	if (p->selected >= 0)
		return (int)index - 1 != p->selected;
	return !clang_equalTypes(clang_getCursorType(child), clang_getCursorType(p->cursor));
}

bool uneval_child(struct uneval_parent *p, CXCursor child, unsigned index)
{
	enum CXCursorKind k = clang_getCursorKind(child);

	if (index == 0)
		p->first = child;
	switch (clang_getCursorKind(p->cursor)) {
	case CXCursor_UnaryExpr:
		return folded(p);
	case CXCursor_GenericSelectionExpr:
		return index == 0 || unselected(p, child, index);
	case CXCursor_ConditionalOperator:
	case CXCursor_IfStmt:
		return dead_arm(p, child, index);
	case CXCursor_BinaryOperator:
		return short_circuited(p, child, index);
	case CXCursor_UnexposedExpr:
		count_children(p);
		if (p->n_children == 3)
			return dead_arm(p, child, index);	/* __builtin_choose_expr */
		return p->n_children <= 2 && k == CXCursor_ParenExpr && wider(p->cursor, child) &&
		       folded(p);			/* __builtin_types_compatible_p */
	case CXCursor_VarDecl:
	case CXCursor_FieldDecl:
	case CXCursor_ParmDecl:
	case CXCursor_TypedefDecl:
	case CXCursor_FunctionDecl:
	case CXCursor_CStyleCastExpr:
	case CXCursor_CompoundLiteralExpr:
		return type_part(p, child, index);
	default:
		return false;
	}
}
