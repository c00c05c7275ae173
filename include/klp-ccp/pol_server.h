/*
 * The policy server (--pol-server=CMD): one long-lived process answering the
 * policy questions over pipes instead of one hook process per question.
 * Protocol (README "Policy server"):
 *
 *   server -> klp-ccp, once:  HOOKS: HOOK...        the questions it answers
 *   klp-ccp -> server:        'VAR=VALUE'|'VAR'... -- 'HOOK' 'ARG'...
 *                             every word single-quoted as for sh (a ' is
 *                             written '\''), one line per question: the
 *                             KLP_CCP_* variables a hook would find in its
 *                             environment that changed since the previous
 *                             question (VAR alone: no longer set), then the
 *                             hook and its arguments
 *   server -> klp-ccp:        WARNING:/ERROR: lines, then one RESULT: line
 *
 * A server that exits, writes to standard error, writes any other line, or
 * does not answer within the hook time limit has failed, as a hook would.
 */
#ifndef KLP_CCP_POL_SERVER_H
#define KLP_CCP_POL_SERVER_H

#include <stdbool.h>
#include <stddef.h>

#include "klp-ccp/options.h"
#include "klp-ccp/util.h"

struct pol_server;

/*
 * Starts CMD with envp and reads its HOOKS: line. NULL with *failure
 * (allocated) when it cannot be started or does not introduce itself, or
 * with what it wrote to standard error in err.
 */
struct pol_server *pol_server_start(const char *cmd, char *const *envp, double timeout,
				    char **failure, struct strbuf *err);
/* Closes its input, gives it a moment to exit, then kills its group. */
void pol_server_stop(struct pol_server *s);

/* Does it answer questions of hook (its HOOKS: line names it)? */
bool pol_server_answers(const struct pol_server *s, enum hook_id hook);

/*
 * Asks one question; the answer's lines (up to and including the RESULT:
 * line, or up to the first line that is neither WARNING: nor ERROR:) are
 * appended to out, to be judged as a hook's standard output, and what it
 * wrote to standard error to err. NULL, or the failure (allocated). After a
 * failure or output on standard error the server is killed and every later
 * question fails.
 */
char *pol_server_ask(struct pol_server *s, char *const *vars, size_t nvars, enum hook_id hook,
		     const char *const *args, size_t nargs, struct strbuf *out, struct strbuf *err);

#endif
