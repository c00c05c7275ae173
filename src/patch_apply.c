/*
 * What GNU patch said while applying --patch to the scratch copies, told in
 * terms of the patch file: a hunk that does not apply is an error naming it
 * (its file, its "@@" header and its line in the patch), a hunk applied with
 * fuzz a warning (its context did not match: it may have landed in the wrong
 * place), one applied elsewhere than its header says only a note.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "klp-ccp/diag.h"
#include "klp-ccp/patch_read.h"

/* Where GNU patch is: the file of its last "patching file NAME" line. */
struct apply_state {
	const char *patch;
	const struct patch_info *pi;
	const struct patch_file *file;
	size_t next_file;		/* files are patched in the patch's order */
	const struct patch_hunk *failed;	/* the first hunk that does not apply */
	const struct patch_file *failed_file;
	unsigned failed_at, n_failed;
	bool reversed;
};

/* "patching file NAME", NAME possibly quoted and followed by " (renamed from X)". */
static bool names_file(const char *line, size_t len, const char *path)
{
	size_t n = strlen(path);

	if (len && (*line == '\'' || *line == '"'))
		line++, len--;
	return len >= n && !strncmp(line, path, n) &&
	       (len == n || line[n] == ' ' || line[n] == '\'' || line[n] == '"');
}

static void enter_file(struct apply_state *s, const char *name, size_t len)
{
	for (size_t i = s->next_file; i < s->pi->n; i++) {
		if (!names_file(name, len, s->pi->files[i].path))
			continue;
		s->file = &s->pi->files[i];
		s->next_file = i + 1;
		return;
	}
	s->file = NULL;
}

static const struct patch_hunk *hunk_of(const struct apply_state *s, unsigned n)
{
	return s->file && n >= 1 && n <= s->file->n_hunks ? &s->file->hunks[n - 1] : NULL;
}

/* "Hunk #N succeeded at L[ with fuzz F][ (offset K lines)]." */
static void succeeded(struct apply_state *s, const struct patch_hunk *h, unsigned n,
		      const char *rest)
{
	unsigned at = 0, fuzz = 0;
	long offset = 0;
	const char *f = strstr(rest, " with fuzz "), *o = strstr(rest, "(offset ");

	sscanf(rest, "%u", &at);
	if (f)
		sscanf(f + 11, "%u", &fuzz);
	if (o)
		sscanf(o + 8, "%ld", &offset);
	if (fuzz)
		diag_warning_at(s->patch, h->line, 0,
				"hunk #%u of %s (%s) applied with fuzz %u at line %u (up to %u context line(s) at its ends ignored: they do not match %s), so the change may have landed in the wrong place: check it, or make the patch against this source",
				n, s->file->path, h->header, fuzz, at, fuzz, s->file->path);
	else if (offset)
		diag_note_at(s->patch, h->line, 0,
			     "hunk #%u of %s (%s) applied at line %u, %ld line(s) from where its header puts it (its context matched exactly)",
			     n, s->file->path, h->header, at, offset);
}

/* One line of GNU patch's output. */
static void read_line(struct apply_state *s, const char *line, size_t len)
{
	static const char patching[] = "patching file ";
	char *l = xstrndup(line, len);
	unsigned n = 0, at = 0;
	int used = 0;
	const struct patch_hunk *h;

	if (!strncmp(l, patching, strlen(patching))) {
		enter_file(s, l + strlen(patching), len - strlen(patching));
	} else if (strstr(l, "Reversed (or previously applied) patch detected")) {
		s->reversed = true;
	} else if (sscanf(l, "Hunk #%u %n", &n, &used) == 1 && used && (h = hunk_of(s, n))) {
		if (!strncmp(l + used, "succeeded at ", 13))
			succeeded(s, h, n, l + used + 13);
		else if (sscanf(l + used, "FAILED at %u", &at) == 1 && !s->n_failed++) {
			s->failed = h;
			s->failed_file = s->file;
			s->failed_at = at;
		}
	}
	free(l);
}

/* The first line GNU patch complains in (not "patching file"), for what is not a hunk. */
static char *complaint(const char *out)
{
	while (*out) {
		size_t len = strcspn(out, "\n");

		if (len && strncmp(out, "patching file ", 14))
			return xstrndup(out, len);
		out += len + (out[len] == '\n');
	}
	return xstrdup("GNU patch failed without a message (is 'patch' installed?)");
}

static void report_failure(const struct apply_state *s, const char *out)
{
	const struct patch_hunk *h = s->failed;
	char *why;

	if (h) {
		char *more = s->n_failed > 1 ? xasprintf("; %u hunks of the patch fail", s->n_failed) :
			     xstrdup("");

		diag_error_at(s->patch, h->line, 0,
			      "hunk #%u of %s (%s) does not apply: its context is not in %s near line %u (the source differs from what the patch was made against)%s",
			      (unsigned)(h - s->failed_file->hunks) + 1, s->failed_file->path,
			      h->header, s->failed_file->path, s->failed_at, more);
		free(more);
		return;
	}
	if (s->reversed) {
		diag_error("%s: the patch does not apply: %s already has its changes (or the patch is reversed)",
			   s->patch, s->file ? s->file->path : s->pi->files[0].path);
		return;
	}
	why = complaint(out);
	diag_error("%s: the patch does not apply to %s: %s", s->patch,
		   s->file ? s->file->path : s->pi->files[0].path, why);
	free(why);
}

int patch_apply_report(const char *patch, const struct patch_info *pi, const char *out,
		       int status)
{
	struct apply_state s = { .patch = patch, .pi = pi };

	for (const char *p = out; *p;) {
		size_t len = strcspn(p, "\n");

		read_line(&s, p, len);
		p += len + (p[len] == '\n');
	}
	if (!status && !s.n_failed)
		return 0;
	report_failure(&s, out);
	return -1;
}
