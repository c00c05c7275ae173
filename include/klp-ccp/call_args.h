/*
 * call_args.c: the arguments of the direct calls of one function inside
 * another's body (split_callers.c, clone_params.c read what lp.c's or the
 * original's callers pass).
 */
#ifndef KLP_CCP_CALL_ARGS_H
#define KLP_CCP_CALL_ARGS_H

#include <clang-c/Index.h>

/* Called per argument i of each call (call) with n arguments. */
typedef void call_arg_fn(void *ctx, CXCursor call, int i, CXCursor arg);

/* n: calls with any number of arguments (a variadic function's too) */
#define CALL_ARGS_ANY (-1)

/* Each call of callee (a canonical cursor) with n arguments in body. */
void call_args_each(CXCursor body, CXCursor callee, int n, call_arg_fn *fn, void *ctx);

/*
 * Those, and the calls of callee inside the header inlines body calls
 * (one level): fn gets the argument the inline's call passes where the
 * inline passes its parameter on (wrmsrl(msr, val) calling
 * native_write_msr(msr, ...)), a null cursor for any other argument.
 */
void call_args_through_each(CXCursor body, CXCursor callee, int n, call_arg_fn *fn, void *ctx);

#endif
