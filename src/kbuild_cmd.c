/*
 * --kbuild-object=OBJ (klp-ccp/kbuild_cmd.h). kbuild writes each object's
 * command into DIR/.NAME.o.cmd as "cmd_OBJ := COMMAND" (Linux >= 6.3:
 * "savedcmd_OBJ := COMMAND"), with make's escapes: "$$" for "$" and
 * "$(pound)" for "#". COMMAND is a shell command: the compiler's words in
 * shell quoting (-DKBUILD_MODNAME='"fork"'), then "; tool ..." for objtool
 * or recordmcount, which work on the object and are not part of the compile.
 * Shell syntax beyond quoting (expansions, pipes, redirections) is refused.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/diag.h"
#include "klp-ccp/kbuild_cmd.h"

char *kbuild_cmd_path(const char *obj)
{
	const char *slash = strrchr(obj, '/');

	if (!slash)
		return xasprintf(".%s.cmd", obj);
	return xasprintf("%.*s/.%s.cmd", (int)(slash - obj), obj, slash + 1);
}

/* The COMMAND of the "cmd_... := COMMAND" line, make's escapes undone; its line number. */
static char *command_line(const char *text, unsigned *lineno)
{
	const char *p = text, *eol, *v;
	struct strbuf sb = { 0 };

	for (*lineno = 1; *p; p = *eol ? eol + 1 : eol, ++*lineno) {
		eol = p + strcspn(p, "\n");
		v = strstr(p, " := ");
		if (v && v < eol && (!strncmp(p, "cmd_", 4) || !strncmp(p, "savedcmd_", 9)))
			break;
	}
	if (!*p)
		return NULL;
	for (v += 4; v < eol; v++) {
		if (!strncmp(v, "$$", 2)) {
			sb_addc(&sb, '$');
			v++;
		} else if (!strncmp(v, "$(pound)", 8)) {
			sb_addc(&sb, '#');
			v += 7;
		} else {
			sb_addc(&sb, *v);
		}
	}
	return sb.buf ? sb.buf : xstrdup("");
}

/* One double-quoted string at *pp (past the '"'); false on an expansion. */
static bool double_quoted(const char **pp, struct strbuf *w, const char **why)
{
	const char *p = *pp;

	for (; *p && *p != '"'; p++) {
		if (*p == '$' || *p == '`') {
			*why = "a shell expansion in double quotes";
			return false;
		}
		if (*p == '\\' && p[1] && strchr("$`\"\\", p[1]))
			p++;
		sb_addc(w, *p);
	}
	if (!*p) {
		*why = "an unterminated double quote";
		return false;
	}
	*pp = p + 1;
	return true;
}

/* The next unquoted character that ends the word (or the command) or is refused. */
static int special(char c)
{
	return c == ' ' || c == '\t' || c == ';' || c == '\0' || strchr("$`|&<>()", c);
}

/* One word at *pp into w; false with *why on shell syntax beyond quoting. */
static bool one_word(const char **pp, struct strbuf *w, const char **why)
{
	const char *p = *pp, *q;

	while (!special(*p)) {
		if (*p == '\'') {
			q = strchr(p + 1, '\'');
			if (!q) {
				*why = "an unterminated single quote";
				return false;
			}
			sb_addn(w, p + 1, (size_t)(q - p - 1));
			p = q + 1;
		} else if (*p == '"') {
			p++;
			if (!double_quoted(&p, w, why))
				return false;
		} else if (*p == '\\') {
			if (!p[1]) {
				*why = "a backslash at the end";
				return false;
			}
			sb_addc(w, p[1]);
			p += 2;
		} else {
			sb_addc(w, *p++);
		}
	}
	*pp = p;
	return true;
}

int kbuild_cmd_split(const char *cmd, struct strlist *argv, const char **why)
{
	const char *p = cmd;
	struct strbuf w = { 0 };
	size_t n0 = argv->n;

	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p || *p == ';' || *p == '#')	/* the compile ends; tools follow */
			break;
		if (!one_word(&p, &w, why)) {
			sb_release(&w);
			return -1;
		}
		if (*p && strchr("$`|&<>()", *p)) {
			sb_release(&w);
			*why = "shell syntax other than quoting";
			return -1;
		}
		strlist_push_owned(argv, w.buf ? w.buf : xstrdup(""));
		memset(&w, 0, sizeof(w));
	}
	if (argv->n == n0)
		*why = "an empty command";
	return argv->n > n0 ? 0 : -1;
}

int kbuild_cmd_read(const char *obj, struct strlist *argv)
{
	char *path = kbuild_cmd_path(obj), *text = read_file(path, NULL), *cmd = NULL;
	const char *why = "no 'cmd_... := ' line";
	unsigned line = 0;
	int rc = -1;

	if (!text)
		diag_error("no kbuild command for '%s': cannot read '%s': %s (build the object "
			   "with kbuild first, or give its command line after '--')",
			   obj, path, strerror(errno));
	else if ((cmd = command_line(text, &line)) && !kbuild_cmd_split(cmd, argv, &why))
		rc = 0;
	else
		diag_error_at(path, cmd ? line : 1, 0, "cannot read kbuild's command line: %s", why);
	free(cmd);
	free(text);
	free(path);
	return rc;
}
