/* One-line diagnostics on stderr. */
#include <stdio.h>
#include <stdlib.h>

#include "klp-ccp/diag.h"
#include "klp-ccp/util.h"

static unsigned error_count;
/* Warnings of this run, for the report. */
static struct strlist warnings;

static void record_warning(const char *file, unsigned line, unsigned col, const char *fmt,
			   va_list ap)
{
	char *msg;

	if (vasprintf(&msg, fmt, ap) < 0)
		return;
	if (file && line && col)
		strlist_push_owned(&warnings, xasprintf("%s:%u:%u: %s", file, line, col, msg));
	else if (file && line)	/* as printed: a patch's line has no column */
		strlist_push_owned(&warnings, xasprintf("%s:%u: %s", file, line, msg));
	else
		strlist_push_owned(&warnings, xstrdup(msg));
	free(msg);
}

const struct strlist *diag_warnings(void)
{
	return &warnings;
}

static void vreport(const char *file, unsigned line, unsigned col, const char *kind,
		    const char *fmt, va_list ap)
{
	if (file && line && col)
		fprintf(stderr, "%s:%u:%u: %s: ", file, line, col, kind);
	else if (file && line)
		fprintf(stderr, "%s:%u: %s: ", file, line, kind);
	else if (file)
		fprintf(stderr, "%s: %s: ", file, kind);
	else
		fprintf(stderr, "klp-ccp: %s: ", kind);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

#define DEFINE_REPORTER(fn, kind, counts)				\
	void fn(const char *fmt, ...)					\
	{								\
		va_list ap;						\
		va_start(ap, fmt);					\
		vreport(NULL, 0, 0, kind, fmt, ap);			\
		va_end(ap);						\
		if (counts)						\
			error_count++;					\
	}

DEFINE_REPORTER(diag_error, "error", 1)
void diag_warning(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(NULL, 0, 0, "warning", fmt, ap);
	va_end(ap);
	va_start(ap, fmt);
	record_warning(NULL, 0, 0, fmt, ap);
	va_end(ap);
}
DEFINE_REPORTER(diag_note, "note", 0)

void diag_error_at(const char *file, unsigned line, unsigned col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(file, line, col, "error", fmt, ap);
	va_end(ap);
	error_count++;
}

void diag_warning_at(const char *file, unsigned line, unsigned col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(file, line, col, "warning", fmt, ap);
	va_end(ap);
	va_start(ap, fmt);
	record_warning(file, line, col, fmt, ap);
	va_end(ap);
}

void diag_note_at(const char *file, unsigned line, unsigned col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(file, line, col, "note", fmt, ap);
	va_end(ap);
}

unsigned diag_error_count(void)
{
	return error_count;
}
