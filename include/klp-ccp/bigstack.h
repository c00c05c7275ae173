/*
 * Deep input (a 100,000-deep typedef chain, 5,000 nested macro arguments)
 * recurses deeply in libclang's parser and in the AST walks: the run gets a
 * thread with a large stack, libclang parses on it (not on its own 8 MiB
 * thread), and running out of it is one clear error, not a crash.
 */
#ifndef KLP_CCP_BIGSTACK_H
#define KLP_CCP_BIGSTACK_H

#define BIGSTACK_MIB 1024

/*
 * fn(arg) on a thread with a BIGSTACK_MIB MiB stack (environment
 * KLP_CCP_STACK_MIB: another size; on the calling thread if none can be made), with the fatal signals (cleanup.h) delivered to it.
 * Stack exhaustion there: on_fatal(), the error, exit status 1.
 */
int run_on_big_stack(int (*fn)(void *), void *arg, void (*on_fatal)(void));

/*
 * After libclang installed its crash recovery handlers: they run on the
 * alternate stack too, so a stack exhausted while parsing becomes libclang's
 * "crashed" error instead of killing the process.
 */
void bigstack_libclang_ready(void);

#endif
