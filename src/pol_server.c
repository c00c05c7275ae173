/*
 * The policy server (klp-ccp/pol_server.h): the same questions and answers
 * as the hooks, one line each way over pipes to one long-lived process, so
 * that a question costs a pipe round trip instead of a process start.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "klp-ccp/hook_spawn.h"
#include "klp-ccp/pol_server.h"

struct pol_server {
	struct hook_child c;
	double timeout;
	bool hooks[HOOK_COUNT];
	bool failed;		/* killed after a failure: later questions fail too */
	struct strbuf in;	/* what it wrote and klp-ccp has not consumed yet */
	struct strlist vars;	/* the variables as the server has them now */
};

/* One exchange: the question going out, the answer coming in. */
struct exchange {
	const char *q;		/* question not yet written */
	size_t q_left;
	struct strbuf err;	/* its standard error */
	bool too_much, eof;
	char *failure;
};

/* ---- the question line -------------------------------------------------- */

static void add_word(struct strbuf *sb, const char *w)
{
	if (sb->len)
		sb_addc(sb, ' ');
	sb_addc(sb, '\'');
	for (; *w; w++) {
		if (*w == '\'')
			sb_adds(sb, "'\\''");
		else
			sb_addc(sb, *w);
	}
	sb_addc(sb, '\'');
}

static bool same_name(const char *a, const char *b)
{
	size_t n = strcspn(a, "=");

	return !strncmp(a, b, n) && (b[n] == '=' || !b[n]);
}

static bool has_name(char *const *vars, size_t n, const char *entry)
{
	for (size_t i = 0; i < n; i++)
		if (same_name(vars[i], entry))
			return true;
	return false;
}

/*
 * The variables that changed since the last question: NAME=VALUE for a new
 * value, NAME alone for one no longer set (a question carries the
 * differences only: the patched and copied lists alone are kilobytes).
 */
static void add_changed_vars(struct strbuf *sb, const struct strlist *last,
			     char *const *vars, size_t nvars)
{
	for (size_t i = 0; i < last->n; i++)
		if (!has_name(vars, nvars, last->v[i])) {
			char *name = xstrndup(last->v[i], strcspn(last->v[i], "="));

			add_word(sb, name);
			free(name);
		}
	for (size_t i = 0; i < nvars; i++)
		if (!strlist_contains(last, vars[i]))
			add_word(sb, vars[i]);
}

/* NULL when a word cannot travel on one line. */
static char *question_line(const struct strlist *last, char *const *vars, size_t nvars,
			   enum hook_id hook, const char *const *args, size_t nargs)
{
	struct strbuf sb = {0};
	bool ok = true;

	for (size_t i = 0; i < nvars; i++)
		ok &= !strchr(vars[i], '\n');
	add_changed_vars(&sb, last, vars, nvars);
	sb_adds(&sb, sb.len ? " --" : "--");
	add_word(&sb, hook_name(hook));
	for (size_t i = 0; i < nargs; i++) {
		ok &= !strchr(args[i], '\n');
		add_word(&sb, args[i]);
	}
	sb_addc(&sb, '\n');
	if (!ok) {
		sb_release(&sb);
		return NULL;
	}
	return sb_detach(&sb);
}

/* ---- reading what it writes ---------------------------------------------- */

static bool starts_with(const char *s, size_t n, const char *tag)
{
	size_t k = strlen(tag);

	return n >= k && !memcmp(s, tag, k);
}

/*
 * Length of the complete answer at the start of buf (through the RESULT:
 * line, or through the first line of another kind), 0 while incomplete.
 */
static size_t answer_end(const char *buf, size_t len)
{
	size_t pos = 0;

	while (pos < len) {
		const char *nl = memchr(buf + pos, '\n', len - pos);
		size_t n;

		if (!nl)
			return 0;
		n = (size_t)(nl - (buf + pos));
		if (!starts_with(buf + pos, n, "WARNING:") && !starts_with(buf + pos, n, "ERROR:"))
			return pos + n + 1;
		pos += n + 1;
	}
	return 0;
}

static void write_some(struct pol_server *s, struct exchange *x)
{
	ssize_t n = write(s->c.in_fd, x->q, x->q_left);

	if (n < 0 && errno != EINTR && errno != EAGAIN) {
		/* EPIPE: it exited; its status tells why */
		x->q_left = 0;
		x->eof = true;
		return;
	}
	if (n > 0) {
		x->q += n;
		x->q_left -= (size_t)n;
	}
}

/* One poll round; false when the exchange is over (answer, end, failure). */
static bool exchange_step(struct pol_server *s, struct exchange *x, int64_t deadline)
{
	struct pollfd p[3] = { { s->c.out_fd, POLLIN, 0 }, { s->c.err_fd, POLLIN, 0 },
			       { x->q_left ? s->c.in_fd : -1, POLLOUT, 0 } };
	int r = poll(p, 3, hook_poll_timeout(deadline));

	if (r < 0 && errno != EINTR) {
		x->failure = xasprintf("poll: %s", strerror(errno));
		return false;
	}
	if (r > 0 && p[1].revents) {
		/* a whole line of it, for the message */
		bool open = hook_drain(s->c.err_fd, &x->err, &x->too_much);

		if (x->err.len && (!open || memchr(x->err.buf, '\n', x->err.len)))
			return false;
	}
	if (r > 0 && p[2].revents)
		write_some(s, x);
	if (r > 0 && p[0].revents && !hook_drain(s->c.out_fd, &s->in, &x->too_much))
		x->eof = true;
	if (x->too_much || x->eof)
		return false;
	if (answer_end(s->in.buf, s->in.len))
		return false;
	if (hook_now_ms() >= deadline) {
		x->failure = xasprintf("timed out after %g s (see --pol-cmd-timeout)", s->timeout);
		return false;
	}
	return true;
}

/* ---- failures ------------------------------------------------------------ */

static char *exit_failure(struct pol_server *s)
{
	int status = 0;
	pid_t r = 0;

	/* it closed its output: give it a moment to finish exiting */
	for (int i = 0; i < 100 && !r; i++) {
		struct timespec tick = { 0, 1000000 };

		r = waitpid(s->c.pid, &status, WNOHANG);
		if (!r)
			nanosleep(&tick, NULL);
	}
	if (r <= 0)
		return xstrdup("the policy server closed its standard output");
	if (WIFSIGNALED(status))
		return xasprintf("the policy server was killed by signal %d (%s)",
				 WTERMSIG(status), strsignal(WTERMSIG(status)));
	return xasprintf("the policy server exited with status %d", WEXITSTATUS(status));
}

static char *exchange_failure(struct pol_server *s, struct exchange *x)
{
	if (x->failure)
		return x->failure;
	if (x->too_much)
		return xasprintf("wrote more than %d bytes of output", HOOK_MAX_OUTPUT);
	if (x->eof)
		return exit_failure(s);
	return NULL;
}

static void kill_server(struct pol_server *s)
{
	s->failed = true;
	hook_kill(&s->c, NULL);
}

/*
 * Sends question (may be NULL: only read) and waits for a complete answer,
 * which is moved from s->in to out. NULL or the failure; what it wrote to
 * its standard error goes to err (and it is killed: that is a failure too).
 */
static char *exchange(struct pol_server *s, const char *question, struct strbuf *out,
		      struct strbuf *err)
{
	struct exchange x = { question, question ? strlen(question) : 0, {0}, false, false, NULL };
	int64_t deadline = hook_deadline_after(s->timeout);
	char *failure = NULL;
	size_t end;

	while (exchange_step(s, &x, deadline))
		;
	end = answer_end(s->in.buf, s->in.len);
	if (!x.err.len && !end)
		failure = exchange_failure(s, &x);
	if (!failure && !x.err.len) {
		sb_addn(out, s->in.buf, end);
		memmove(s->in.buf, s->in.buf + end, s->in.len - end);
		s->in.len -= end;
	}
	if (x.err.len)
		sb_addn(err, x.err.buf, x.err.len);
	sb_release(&x.err);
	if (failure || err->len)
		kill_server(s);
	return failure;
}

/* ---- start, stop, ask --------------------------------------------------- */

/* "HOOKS: HOOK..." naming known hooks; NULL or what is wrong. */
static char *read_hooks_line(struct pol_server *s, const char *line)
{
	const char *p = line + strlen("HOOKS:");
	char *why = NULL;

	if (!starts_with(line, strlen(line), "HOOKS:"))
		return xstrdup("its first line is not 'HOOKS: HOOK...'");
	while (*p && !why) {
		size_t n;
		int h;

		p += strspn(p, " \t\n");
		n = strcspn(p, " \t\n");
		for (h = 0; h < HOOK_COUNT; h++)
			if (n && strlen(hook_name(h)) == n && !memcmp(hook_name(h), p, n))
				break;
		if (n && h == HOOK_COUNT)
			why = xasprintf("its HOOKS: line names an unknown hook '%.*s'",
					(int)(n > 64 ? 64 : n), p);
		else if (n)
			s->hooks[h] = true;
		p += n;
	}
	return why;
}

struct pol_server *pol_server_start(const char *cmd, char *const *envp, double timeout,
				    char **failure, struct strbuf *err)
{
	struct pol_server *s = xcalloc(1, sizeof(*s));
	struct strbuf first = {0};

	/* a server that died must be an error, not klp-ccp killed by SIGPIPE */
	signal(SIGPIPE, SIG_IGN);
	s->timeout = timeout;
	*failure = NULL;
	if (hook_spawn(cmd, NULL, 0, envp, true, &s->c, failure) == 0) {
		/* partial writes, never blocked while it waits for us to read */
		fcntl(s->c.in_fd, F_SETFL, O_NONBLOCK);
		*failure = exchange(s, NULL, &first, err);
		if (!*failure && !err->len)
			*failure = read_hooks_line(s, first.buf);
	}
	sb_release(&first);
	if (*failure || err->len) {
		pol_server_stop(s);
		return NULL;
	}
	return s;
}

void pol_server_stop(struct pol_server *s)
{
	if (!s)
		return;
	if (s->c.pid > 0) {
		close(s->c.in_fd);	/* end of questions */
		s->c.in_fd = -1;
		for (int i = 0; i < 100 && !waitpid(s->c.pid, NULL, WNOHANG); i++) {
			struct timespec tick = { 0, 1000000 };

			nanosleep(&tick, NULL);
		}
	}
	hook_kill(&s->c, NULL);	/* and whatever it left running in its group */
	sb_release(&s->in);
	strlist_release(&s->vars);
	free(s);
}

bool pol_server_answers(const struct pol_server *s, enum hook_id hook)
{
	return s && s->hooks[hook];
}

char *pol_server_ask(struct pol_server *s, char *const *vars, size_t nvars, enum hook_id hook,
		     const char *const *args, size_t nargs, struct strbuf *out, struct strbuf *err)
{
	char *line, *failure;

	if (s->failed)
		return xstrdup("the policy server failed earlier");
	line = question_line(&s->vars, vars, nvars, hook, args, nargs);
	if (!line)
		return xstrdup("a word of the question contains a newline: it cannot be sent "
			       "to the policy server");
	failure = exchange(s, line, out, err);
	free(line);
	strlist_release(&s->vars);
	for (size_t i = 0; i < nvars; i++)
		strlist_push(&s->vars, vars[i]);
	return failure;
}
