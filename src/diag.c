/* One-line diagnostics on stderr. */
#include <stdio.h>

#include "klp-ccp/diag.h"

static unsigned error_count;

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
DEFINE_REPORTER(diag_warning, "warning", 0)
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
}

unsigned diag_error_count(void)
{
	return error_count;
}
